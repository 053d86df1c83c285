/**
 * What a table's labels say about themselves: which header names a column of settings, metrics or
 * categories, which names model attributes and run statistics (never benchmarks), and which row or
 * column labels look like models. Kept apart from the layout logic in results.ts.
 */

// Averages over the table's own columns: not a benchmark of their own. ("Overall" is not here: it is
// usually a benchmark's headline score, as in BFCL's "Overall Acc.")
const AVERAGE =
  /^(?:avg\.?|average|mean|total|sum)(?:\s+(?:score|total|avg\.?|average|acc\.?|accuracy))?$|^(?:平均|平均分|均值|总分|总计|合计)$/i;

export type Role = 'none' | 'setting' | 'metric' | 'qualifier' | 'category' | 'stderr' | 'config' | 'average';

const HEADER_ROLES: Array<[RegExp, Role]> = [
  [/^(?:#\s*|n[-\s]?|num(?:ber of)?\s*)?shots?$|^few[-\s]?shot$|^k[-\s]?shot$|^#\s*examples?$|^样本数$/i, 'setting'],
  [/^(?:metrics?|measure|评价指标|指标|评测指标)$/i, 'metric'],
  // "Training": papers' "WSJ only, discriminative" / "semi-supervised" column beside the model names.
  [/^(?:settings?|mode|languages?|lang|split|subset|framework|scaffold|agent|method|prompt(?:ing)?|template|eval(?:uation)? setting|training|supervision|regime|语言|设置|设定|框架)$/i, 'qualifier'],
  [/^(?:categor(?:y|ies)|domain|type|task type|capabilit(?:y|ies)|abilit(?:y|ies)|area|group|dimension|aspect|类别|类型|领域|能力|维度|分类)$/i, 'category'],
  [/^(?:stderr|std\.?\s*err(?:or)?|std|s\.?e\.?|±|\+\/-)$/i, 'stderr'],
  [AVERAGE, 'average'],
];

// Model attributes and run statistics: never benchmarks, even when the column is all numbers.
const CONFIG_EXACT =
  /^(?:#\s*)?(?:rank|no\.?|id|index|version|ver\.?|params?|parameters|(?:total|activated|active|non-embedding)\s*params?|#?tp|#?ap|size|model size|tokens?|(?:pre-?train(?:ed|ing)?|training)\s*tokens|token count|context(?: length| window| size)?|default context window|seq(?:uence)?\.?\s*length|max(?:imum)?\s*length|input length|length|release(?: date)?|date|licen[cs]e|download|links?|url|files?|architecture|arch|layers|hidden(?: size)?|heads|vocab(?:ulary)?(?: size)?|precision|quantization|dtype|batch(?: size)?|bs|lr|learning rate|epochs?|steps?|nodes|#?\s*gpus?(?: per node)?|knowledge cutoff|training data|data|modalit(?:y|ies)|input modalities|output modalities|gqa|status|alignment|year|venue|published|time|hours?|days?|runs?|seeds?|排名|序号|参数量|模型大小|上下文长度)$/i;
const CONFIG_ANYWHERE =
  /\b(?:memory|vram|gpu hours?|gpu[- ]days?|power|emissions?|emitted|carbon|co2|speed|latency|throughput|tokens?\s*(?:\/|per)\s*s(?:ec(?:ond)?)?|s\/it|sec|ms|[gt]?flops|macs|costs?|size|learning rate|lr|multiplier|(?:train(?:ing)?|inference|run|decoding|wall[- ]?clock)[- ]?time|loss|prefill|decode|time[- ]to[- ]first[- ]token|ttft|change|delta|diff|difference|gain|improvement)\b|Δ|显存|速度|延迟|吞吐|内存|提升/i;
// A header that is a math variable ("d_model", "P_drop", "ε_ls", "h") names a hyper-parameter. Capital
// letters stay out ("C", "R" are languages in MultiPL-E tables), and so do the measures P_1, R_5, F_1, F_β.
const MATH_SYMBOL = /^(?:[a-zα-ω]|(?![PRF]_(?:\p{N}+|\p{L})$)\p{L}_[\p{L}\p{N}]+)$/u;
// Precision and quantisation rows ("bf16 / fp16", "8bits") label memory tables, not benchmarks.
const PRECISION = /\b(?:bf16|fp16|fp32|fp8|int4|int8|\d+\s*-?bits?)\b/i;
export const NEGATIVE_CAPTION =
  /\b(?:memory|vram|speed|latency|throughput|hyper-?param\w*|learning rate|batch size|training (?:loss|hyper\w*|results)|emissions?|carbon|power consumption|costs?|flops|licen[cs]e|downloads?|quantiz\w*|inference (?:speed|memory)|deployment|requirements?)\b|显存|速度|延迟|吞吐|超参|量化|部署|下载/i;
export const VALUE_HEADER = /^(?:values?|scores?|results?|accuracy|acc\.?|performance|perf\.?|%|结果|分数|得分|成绩)$/i;
const MODEL_HINT =
  /\d+(?:\.\d+)?\s*[bmk]\b|\d+x\d+b|\b(?:gpt|llama|qwen|qwq|mistral|mixtral|gemma|phi|claude|gemini|deepseek|yi|baichuan|chatglm|glm|internlm|falcon|mpt|vicuna|alpaca|zephyr|o1|o3|o4|codestral|starcoder|codellama|code llama|wizard\w*|xverse|aquila|pythia|opt|bloom\w*|t5|flan|palm|ernie\w*|moonshot|kimi|minimax|hunyuan|step|doubao|grok|command|olmo|tinyllama|solar|openchat|hermes|dbrx|jamba|stablelm|bert|roberta|mamba|rwkv|ours|baseline|chat|instruct|base|sft|rlhf|dpo|model)\b/i;
export const SIZE_ONLY = /^\d+(?:\.\d+)?\s*[BMK]$/i;

export function roleOf(header: string): Role {
  const h = header
    .replace(/[*†‡↑↓]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!h) return 'none';
  for (const [re, role] of HEADER_ROLES) if (re.test(h)) return role;
  const bare = h.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (CONFIG_EXACT.test(h) || CONFIG_EXACT.test(bare) || CONFIG_ANYWHERE.test(h) || MATH_SYMBOL.test(h)) return 'config';
  return 'none';
}

// What a paper calls the column of row labels when the rows are models or methods.
const MODEL_COLUMN = /^(?:models?|methods?|approach(?:es)?|systems?|parsers?|baselines?|variants?|networks?|architectures?|backbones?|agents?|llms?|name|模型|方法|模型名称)$/i;
// Method names in papers: "Zhu et al. (2013)", "Ours", "+ RAG", "w/o pre-training", "GNMT + RL Ensemble",
// "FT on secure code".
const METHOD_HINT =
  /\bet al\b|\bours\b|^\s*[+＋]\s*\S|^\s*w\/o?\s|\bwithout\b|\bensemble\b|\btransformers?\b|\b(?:lstm|rnn|cnn|gru|resnet|vit|seq2seq|moe|ft|fine-?tuned|finetuned|pre-?trained|distilled)\b/i;

export const isModelColumnHeader = (s: string) => MODEL_COLUMN.test(s.replace(/[*†‡:：]+$/u, '').trim());
export const looksLikeMethod = (s: string) => MODEL_HINT.test(s) || METHOD_HINT.test(s);
export const isAverageLabel = (s: string) => AVERAGE.test(s.replace(/[*†‡]+$/u, '').trim());
export const isConfigLabel = (s: string) =>
  CONFIG_EXACT.test(s.replace(/\s*\([^)]*\)\s*$/, '').trim()) || CONFIG_ANYWHERE.test(s) || PRECISION.test(s);
export const looksLikeModel = (s: string) => MODEL_HINT.test(s);
export const isPureNumber = (s: string) => /^[\d.,\s%]+$/.test(s);
