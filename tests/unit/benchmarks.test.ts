import { describe, expect, it } from 'vitest';
import {
  annotationsOnly,
  benchmarkKey,
  benchmarksNamedIn,
  CATALOG,
  isAnnotationText,
  lookupBenchmark,
  metricNamedIn,
  metricOnly,
  normaliseBenchmark,
  splitAnnotations,
  splitSetting,
} from '../../lib/benchmarks/normalise';

describe('benchmark catalogue', () => {
  it('has unique ids and complete entries', () => {
    const ids = CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // 'language': the classic NLP sets papers report (machine translation, parsing).
    const categories = new Set(['knowledge', 'reasoning', 'math', 'code', 'chinese', 'instruction-following', 'long-context', 'multimodal', 'agent', 'safety', 'language']);
    for (const e of CATALOG) {
      expect(e.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(e.name.trim()).not.toBe('');
      expect(categories.has(e.category), `${e.id}: ${e.category}`).toBe(true);
      expect(typeof e.higherIsBetter).toBe('boolean');
      if (e.paper) expect(e.paper).toMatch(/^https:\/\/(arxiv\.org\/abs\/\d{4}\.\d{4,5}|aclanthology\.org\/)/);
      if (e.url) expect(e.url).toMatch(/^https?:\/\//);
    }
  });

  it('never gives one spelling to two benchmarks', () => {
    const owner = new Map<string, string>();
    for (const e of CATALOG) {
      for (const name of [e.name, e.id, ...e.aliases, ...Object.keys(e.variants ?? {})]) {
        const key = benchmarkKey(name);
        const prev = owner.get(key);
        expect(prev === undefined || prev === e.id, `"${name}" is claimed by ${prev} and ${e.id}`).toBe(true);
        owner.set(key, e.id);
      }
    }
  });

  it('maps every name, alias and variant back to its own entry', () => {
    for (const e of CATALOG) {
      for (const name of [e.name, ...e.aliases]) expect(normaliseBenchmark(name).id, name).toBe(e.id);
      for (const [name, setting] of Object.entries(e.variants ?? {})) {
        const n = normaliseBenchmark(name);
        expect(n.id, name).toBe(e.id);
        expect(n.setting, name).toBe(setting);
      }
    }
  });

  it('keeps shot counts out of the aliases, so "MMLU (5-shot)" cannot swallow its setting', () => {
    for (const e of CATALOG) for (const a of e.aliases) expect(/\d\s*-?\s*shot/i.test(a), a).toBe(false);
  });

  it('looks entries up by id', () => {
    expect(lookupBenchmark('arc-challenge')?.name).toBe('ARC-Challenge');
    expect(lookupBenchmark('gsm8k')?.category).toBe('math');
    expect(lookupBenchmark('pile-test')?.higherIsBetter).toBe(false);
    expect(lookupBenchmark('no-such-benchmark')).toBeUndefined();
  });
});

describe('normaliseBenchmark', () => {
  // Spellings as they appear in real model cards and papers (DeepSeek, Qwen, Llama, Baichuan,
  // InternLM, GLM, Gemma, TinyLlama, zephyr, Open LLM Leaderboard and lm-eval output).
  it.each([
    ['mmlu', 'mmlu', '', ''],
    ['MMLU', 'mmlu', '', ''],
    ['MMLU (5-shot)', 'mmlu', '5-shot', ''],
    ['MMLU (5-Shot)', 'mmlu', '5-shot', ''],
    ['MMLU 5-shot', 'mmlu', '5-shot', ''],
    ['MMLU(0-shot)', 'mmlu', '0-shot', ''],
    ['MMLU (Acc.)', 'mmlu', '', 'acc'],
    ['MMLU (EM)', 'mmlu', '', 'em'],
    ['MMLU (Pass@1)', 'mmlu', 'pass@1', ''],
    ['MMLU (CoT)', 'mmlu', 'CoT', ''],
    ['MMLU (5-shot, macro_avg/acc)', 'mmlu', '5-shot', 'macro_avg/acc'],
    ['0-shot MMLU', 'mmlu', '0-shot', ''],
    ['hendrycksTest', 'mmlu', '', ''],
    ['MMLU-Pro (CoT)', 'mmlu-pro', 'CoT', ''],
    ['MMLU-PRO (5-shot)', 'mmlu-pro', '5-shot', ''],
    ['MMLU-Redux (Acc.)', 'mmlu-redux', '', 'acc'],
    ['M-MMLU', 'mmmlu', '', ''],
    ['MMLU (multilingual)', 'mmmlu', '', ''],
    ['ARC', 'arc-challenge', '', ''],
    ['ARC (25-shot)', 'arc-challenge', '25-shot', ''],
    ['AI2 Reasoning Challenge (25-Shot)', 'arc-challenge', '25-shot', ''],
    ['ARC-C', 'arc-challenge', '', ''],
    ['ARC_c', 'arc-challenge', '', ''],
    ['arc_challenge', 'arc-challenge', '', ''],
    ['ARC-Challenge (Acc.)', 'arc-challenge', '', 'acc'],
    ['ARC-Easy', 'arc-easy', '', ''],
    ['ARC-e', 'arc-easy', '', ''],
    ['ARC_e', 'arc-easy', '', ''],
    ['ARC (Easy)', 'arc-easy', '', ''],
    ['ARC-AGI', 'arc-agi', '', ''],
    ['HumanEval', 'humaneval', '', ''],
    ['Human Eval', 'humaneval', '', ''],
    ['Humaneval', 'humaneval', '', ''],
    ['HumanEval (Pass@1)', 'humaneval', 'pass@1', ''],
    ['HumanEval FIM', 'humaneval', 'fim', ''],
    ['HumanEval+', 'humaneval-plus', '', ''],
    ['HumanEval Plus', 'humaneval-plus', '', ''],
    ['HumanEval+ pass@1', 'humaneval-plus', 'pass@1', ''],
    ['HumanEval-Mul (Pass@1)', 'humaneval-mul', 'pass@1', ''],
    ['MBPP', 'mbpp', '', ''],
    ['MBPP (Pass@1)', 'mbpp', 'pass@1', ''],
    ['MBPP+', 'mbpp-plus', '', ''],
    ['MBPP ++ base version', 'mbpp-plus', 'base', ''],
    ['Multipl-E HumanEval', 'multipl-e', 'humaneval', ''],
    ['Multipl-E MBPP', 'multipl-e', 'mbpp', ''],
    ['GSM8K', 'gsm8k', '', ''],
    ['GSM8k (5-shot)', 'gsm8k', '5-shot', ''],
    ['GSM-8K (CoT)', 'gsm8k', 'CoT', ''],
    ['GSM8K (8-shot, CoT)', 'gsm8k', '8-shot CoT', ''],
    ['GSM8K (EM)', 'gsm8k', '', 'em'],
    ['MATH', 'math', '', ''],
    ['Math', 'math', '', ''],
    ['MATH (4-shot, CoT)', 'math', '4-shot CoT', ''],
    ['MATH-500 (EM)', 'math-500', '', 'em'],
    ['MATH-500 pass@1', 'math-500', 'pass@1', ''],
    ['MATH Lvl 5 (4-Shot)', 'math-lvl5', '4-shot', ''],
    ['Math Odyssey', 'math-odyssey', '', ''],
    ['C-Eval', 'c-eval', '', ''],
    ['CEval', 'c-eval', '', ''],
    ['CEval (val)', 'c-eval', 'val', ''],
    ['C-Eval (EM)', 'c-eval', '', 'em'],
    ['CMMLU', 'cmmlu', '', ''],
    ['CMMLU(0-shot)', 'cmmlu', '0-shot', ''],
    ['Gaokao', 'gaokao-bench', '', ''],
    ['GAOKAO-Bench', 'gaokao-bench', '', ''],
    ['AGIEval', 'agieval', '', ''],
    ['AGI Eval', 'agieval', '', ''],
    ['AGIEval English (3-5 shot)', 'agieval', 'en 3-5-shot', ''],
    ['agieval_aqua_rat', 'agieval', 'aqua_rat', ''],
    ['BBH', 'bbh', '', ''],
    ['BBH (EM)', 'bbh', '', 'em'],
    ['BBH (3-Shot)', 'bbh', '3-shot', ''],
    ['BIG-Bench Hard (3-shot, CoT)', 'bbh', '3-shot CoT', ''],
    ['BBH MC', 'bbh', 'mc', ''],
    ['bigbench_causal_judgement', 'big-bench', 'causal_judgement', ''],
    ['HellaSwag', 'hellaswag', '', ''],
    ['Hellaswag', 'hellaswag', '', ''],
    ['Hella Swag', 'hellaswag', '', ''],
    ['HellaSwag (10-Shot)', 'hellaswag', '10-shot', ''],
    ['WinoGrande', 'winogrande', '', ''],
    ['Winogrande (5-shot)', 'winogrande', '5-shot', ''],
    ['winogrande_xl', 'winogrande', '', ''],
    ['TruthfulQA', 'truthfulqa', '', ''],
    ['TruthfulQA (0-shot)', 'truthfulqa', '0-shot', ''],
    ['TruthfulQA MC2', 'truthfulqa', '', 'mc2'],
    ['truthfulqa_mc2', 'truthfulqa', '', 'mc2'],
    ['GPQA', 'gpqa', '', ''],
    ['GPQA (0-shot)', 'gpqa', '0-shot', ''],
    ['GPQA-Diamond (Pass@1)', 'gpqa', 'diamond pass@1', ''],
    ['GPQA Diamond pass@1', 'gpqa', 'diamond pass@1', ''],
    ['GPQA-Diamond(0-shot)', 'gpqa', 'diamond 0-shot', ''],
    ['IFEval', 'ifeval', '', ''],
    ['IFEval (0-Shot)', 'ifeval', '0-shot', ''],
    ['IF-Eval (Prompt Strict)', 'ifeval', 'prompt strict', ''],
    ['IFEval(Prompt-Strict)', 'ifeval', 'prompt strict', ''],
    ['MT-Bench', 'mt-bench', '', ''],
    ['MT-Bench (score)', 'mt-bench', '', 'score'],
    ['MT-Bench-101(Score 1-10)', 'mt-bench-101', 'score 1-10', ''],
    ['AlpacaEval (win rate %)', 'alpacaeval', '', 'win rate %'],
    ['AlpacaEval 2.0', 'alpacaeval', '2.0', ''],
    ['AlpaceEval 2.0', 'alpacaeval', '2.0', ''],
    ['AlpacaEval2.0 (LC-winrate)', 'alpacaeval', '2.0', 'lc winrate'],
    ['Arena-Hard', 'arena-hard', '', ''],
    ['ArenaHard (GPT-4-1106)', 'arena-hard', 'gpt-4-1106', ''],
    ['Arena-Hard v2', 'arena-hard', 'v2', ''],
    ['LiveCodeBench', 'livecodebench', '', ''],
    ['LiveCodeBench (Pass@1-COT)', 'livecodebench', 'pass@1 CoT', ''],
    ['LiveCodeBench  (0901-0401)', 'livecodebench', '0901-0401', ''],
    ['LiveCodeBench-Base (Pass@1)', 'livecodebench', 'base pass@1', ''],
    ['MuSR (0-shot)', 'musr', '0-shot', ''],
    ['CRUXEval-I (Acc.)', 'cruxeval', 'input', 'acc'],
    ['CRUXEval-O (Acc.)', 'cruxeval', 'output', 'acc'],
    ['RACE-Middle (Acc.)', 'race', 'middle', 'acc'],
    ['RACE-High (Acc.)', 'race', 'high', 'acc'],
    ['TriviaQA-Wiki (5-shot)', 'triviaqa', 'wiki 5-shot', ''],
    ['NaturalQuestions (EM)', 'natural-questions', '', 'em'],
    ['Natural Questions', 'natural-questions', '', ''],
    ['DROP (3-shot F1)', 'drop', '3-shot', 'f1'],
    ['QuAC (1-shot, F1)', 'quac', '1-shot', 'f1'],
    ['Pile-test (BPB)', 'pile-test', '', 'bpb'],
    ['SimpleQA (Correct)', 'simpleqa', '', 'correct'],
    ['C-SimpleQA (Correct)', 'chinese-simpleqa', '', 'correct'],
    ['CLUEWSC (EM)', 'cluewsc', '', 'em'],
    ['CMath (EM)', 'cmath', '', 'em'],
    ['CNMO 2024 (Pass@1)', 'cnmo-2024', 'pass@1', ''],
    ['AIME 2024 (Pass@1)', 'aime-2024', 'pass@1', ''],
    ['AIME 2024 cons@64', 'aime-2024', 'cons@64', ''],
    ['AIME2024(0-shot)', 'aime-2024', '0-shot', ''],
    ['Codeforces (Percentile)', 'codeforces', '', 'percentile'],
    ['CodeForces rating', 'codeforces', '', 'rating'],
    ['SWE Verified (Resolved)', 'swe-bench-verified', '', 'resolved'],
    ['SWE-bench Verified mini', 'swe-bench-verified', 'mini', ''],
    ['SWE-Bench', 'swe-bench', '', ''],
    ['Aider-Polyglot (Acc.)', 'aider-polyglot', '', 'acc'],
    ['Aider-Edit (Acc.)', 'aider-edit', '', 'acc'],
    ['BFCL-v3 (Overall)', 'bfcl', 'v3 overall', ''],
    ['BFCL V2', 'bfcl', 'v2', ''],
    ['TAU-Bench (Retail)', 'tau-bench', 'retail', ''],
    ['MMBench-EN-Test', 'mmbench', 'en test', ''],
    ['SEEDBench_IMG', 'seed-bench', 'img', ''],
    ['MedQA-USMLE', 'medqa', 'usmle', ''],
    ['InfiniteBench/En.QA', 'infinitebench', 'en.qa', ''],
    ['Needle in Haystack', 'niah', '', ''],
    ['Obqa', 'openbookqa', '', ''],
    ['SocialIQA', 'siqa', '', ''],
    ['BooIQ', 'boolq', '', ''],
    ['Alignbench', 'alignbench', '', ''],
    ['LongBench v2 (Acc.)', 'longbench-v2', '', 'acc'],
    ['MMLU^a', 'mmlu', '', ''],
    ['GPQA*', 'gpqa', '', ''],
    ['Tool Selection (Acc.↑)', 'toolselection', '', 'acc'],
    // Research papers' translation and parsing headers.
    ['EN-DE', 'wmt14-en-de', '', ''],
    ['En-Fr', 'wmt14-en-fr', '', ''],
    ['WMT 2014 English-German', 'wmt14-en-de', '', ''],
    ['newstest2014 En-De', 'wmt14-en-de', '', ''],
    ['En-De BLEU', 'wmt14-en-de', '', 'bleu'],
    ['WMT16 En-De', 'wmt16ende', '', ''],
    ['WSJ 23 F1', 'ptb-wsj23', '', 'f1'],
    ['Penn Treebank', 'penntreebank', '', ''],
    ['NQ-Retrieval (R@20)', 'nqretrieval', '', 'r@20'],
    ['MyTask chrF++', 'mytask', '', 'chrf++'],
  ])('%s -> %s [%s | %s]', (raw, id, setting, metric) => {
    const n = normaliseBenchmark(raw);
    expect(n.id).toBe(id);
    expect(n.setting).toBe(setting);
    expect(n.metric).toBe(metric);
  });

  it('keeps ARC-Easy, ARC-Challenge, HumanEval/HumanEval+ and MBPP/MBPP+ apart', () => {
    expect(normaliseBenchmark('ARC-Easy').id).not.toBe(normaliseBenchmark('ARC-Challenge').id);
    expect(normaliseBenchmark('HumanEval').id).not.toBe(normaliseBenchmark('HumanEval+').id);
    expect(normaliseBenchmark('MBPP').id).not.toBe(normaliseBenchmark('MBPP+').id);
    expect(normaliseBenchmark('MMLU').id).not.toBe(normaliseBenchmark('MMLU-Pro').id);
    expect(normaliseBenchmark('MATH').id).not.toBe(normaliseBenchmark('MATH Lvl 5').id);
    expect(normaliseBenchmark('SWE-bench').id).not.toBe(normaliseBenchmark('SWE-bench (Verified)').id);
  });

  it('reports catalogue names for known benchmarks', () => {
    expect(normaliseBenchmark('gsm-8k')).toEqual({ id: 'gsm8k', name: 'GSM8K', setting: '', metric: '', known: true });
    expect(normaliseBenchmark('BIG-Bench Hard (3-shot, CoT)').name).toBe('BIG-Bench Hard');
  });

  it('slugs unknown names, keeping the raw name and the setting apart', () => {
    expect(normaliseBenchmark('  CEval-MMLU-CMMLU ')).toEqual({ id: 'cevalmmlucmmlu', name: 'CEval-MMLU-CMMLU', setting: '', metric: '', known: false });
    const n = normaliseBenchmark('Nexus (0-shot)');
    expect(n).toMatchObject({ id: 'nexus', name: 'Nexus (0-shot)', setting: '0-shot', known: false });
    // The same unknown benchmark with and without its subset groups under one id.
    expect(normaliseBenchmark('RepoBench-X (Python)')).toMatchObject({ id: 'repobenchx', setting: 'python' });
    expect(normaliseBenchmark('中文推理')).toMatchObject({ id: '中文推理', known: false });
  });

  it('does not peel a name down to nothing', () => {
    expect(normaliseBenchmark('Pass@1').known).toBe(false);
    expect(normaliseBenchmark('Overall Acc.')).toMatchObject({ id: 'overall', metric: 'acc', known: false });
    expect(normaliseBenchmark('').id).toBe('');
  });
});

describe('annotation helpers', () => {
  it('splits setting cells into setting and metric', () => {
    expect(splitSetting('5')).toEqual({ setting: '5-shot', metric: '' });
    expect(splitSetting('3-5')).toEqual({ setting: '3-5-shot', metric: '' });
    expect(splitSetting('5-shot, top-1')).toEqual({ setting: '5-shot', metric: 'top-1' });
    expect(splitSetting('-')).toEqual({ setting: '', metric: '' });
    expect(splitSetting('macro_avg/acc_char', 'metric')).toEqual({ setting: '', metric: 'macro_avg/acc_char' });
    expect(splitSetting('maj@1', 'metric')).toEqual({ setting: 'maj@1', metric: '' });
  });

  it('tells annotation text from names', () => {
    for (const t of ['5-shot', '(0-shot, CoT)', 'EM', 'Acc.', 'pass@1', 'acc_norm', '3-shot CoT', 'val']) expect(isAnnotationText(t), t).toBe(true);
    for (const t of ['MMLU', 'Summary', 'English', '1024', '', 'emotion']) expect(isAnnotationText(t), t).toBe(false);
  });

  it('takes annotations off a name', () => {
    expect(splitAnnotations('Overall Acc.')).toEqual({ base: 'Overall', setting: '', metric: 'acc' });
    expect(splitAnnotations('MMLU (5-shot, CoT)')).toEqual({ base: 'MMLU', setting: '5-shot CoT', metric: '' });
    expect(splitAnnotations('Model 5-shot')).toEqual({ base: 'Model', setting: '5-shot', metric: '' });
    expect(splitAnnotations('Benchmark (Metric)')).toEqual({ base: 'Benchmark (Metric)', setting: '', metric: '' });
  });

  it('reads labels that are nothing but a measure', () => {
    expect(metricOnly('BLEU')).toEqual({ setting: '', metric: 'bleu' });
    expect(metricOnly('PPL (dev)')).toEqual({ setting: 'dev', metric: 'ppl' });
    expect(metricOnly('EM / F1')).toEqual({ setting: '', metric: 'em f1' });
    for (const t of ['5-shot', 'EN-DE', 'MMLU', 'WSJ 23 F1', '']) expect(metricOnly(t), t).toBeNull();
  });

  it('splits a label that is nothing but annotations', () => {
    expect(annotationsOnly('Dev')).toEqual({ setting: 'dev', metric: '' });
    expect(annotationsOnly('5-shot (EM)')).toEqual({ setting: '5-shot', metric: 'em' });
    expect(annotationsOnly('CoralNER')).toBeNull();
  });

  it('finds the measure a header names, alone or after a name', () => {
    expect(metricNamedIn('WSJ 23 F1')).toBe('f1');
    expect(metricNamedIn('PPL (dev)')).toBe('ppl');
    expect(metricNamedIn('ROUGE-L')).toBe('rouge-l');
    expect(metricNamedIn('EN-DE')).toBe('');
    expect(metricNamedIn('Training Cost (FLOPs)')).toBe('');
  });

  it('skips cross-references when finding benchmarks in text', () => {
    expect(benchmarksNamedIn('Details are in Section C.3 and Table 2.')).toEqual([]);
    expect(benchmarksNamedIn('We evaluate on C3 and CMRC.').map((e) => e.id)).toEqual(['c3', 'cmrc']);
  });

  it('finds benchmarks named in running text, not common words', () => {
    expect(benchmarksNamedIn('we tested it on L-Eval (closed-ended tasks)').map((e) => e.id)).toEqual(['l-eval']);
    expect(benchmarksNamedIn('此外，我们还在 LongBench 评测集上对模型进行了测试').map((e) => e.id)).toEqual(['longbench']);
    expect(benchmarksNamedIn('Tested on Berkeley Function Calling Leaderboard.').map((e) => e.id)).toEqual(['bfcl']);
    expect(benchmarksNamedIn('We drop the last race of the day and do the math')).toEqual([]);
  });
});
