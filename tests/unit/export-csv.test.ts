import { describe, expect, it } from 'vitest';
import { resultsCsv } from '../../lib/export/csv';
import { card, emptyCard, fullCard } from '../fixtures/export/cards';

const at = '2026-11-21T09:30:00.000Z';

/** Text a spreadsheet would misread: commas, quotes, line breaks, formulas, Chinese. */
function trickyCard() {
  return card({
    id: 'card-tricky',
    title: '通义千问, "Qwen"\n第二代',
    identity: { modelIds: ['Qwen/Qwen2-72B', 'Qwen/Qwen2-72B-Instruct'], arxivIds: [] },
    benchmarks: [
      {
        model: '=HYPERLINK("https://evil.example","x")',
        benchmark: 'c-eval',
        benchmarkRaw: 'C-Eval（中文）',
        setting: '+5-shot',
        metric: '@acc',
        value: 1e-7,
        sourceUrl: 'https://example.org/a,b',
        source: { kind: 'capture', id: 'cap-9', url: 'https://example.org/a,b', at },
      },
      { model: '-0.5 baseline', benchmark: 'mmlu', benchmarkRaw: ' MMLU ', value: -0.5, own: false, verified: false },
    ],
  });
}

describe('results CSV', () => {
  it('writes one row per card and result, exactly', () => {
    expect(resultsCsv([fullCard(), emptyCard(), trickyCard()])).toBe(
      '\uFEFF' +
        [
          'card,model_id,model,benchmark_id,benchmark,setting,metric,value,own,verified,source_url,captured_at',
          'Qwen2-7B,Qwen/Qwen2-7B,Qwen2-7B,mmlu,MMLU,5-shot,,70.3,true,true,https://arxiv.org/abs/2407.10671,2026-11-20T08:00:00.000Z',
          'Qwen2-7B,Qwen/Qwen2-7B,Llama-3-8B,mmlu,MMLU,5-shot,,66.6,false,,https://arxiv.org/abs/2407.10671,',
          'Qwen2-7B,Qwen/Qwen2-7B,Qwen2-7B,gsm8k,GSM8K,4-shot,acc,79.9,true,,https://arxiv.org/abs/2407.10671,2026-11-20T08:00:00.000Z',
          'Qwen2-7B,Qwen/Qwen2-7B,Qwen2-7B,humaneval,HumanEval,0-shot,pass@1,51.2,true,,,',
          // Title folded to one line and quoted (comma, quotes doubled); formulas defused with a leading
          // apostrophe; the number written out, never 1e-7; a field with edge spaces quoted.
          `"通义千问, ""Qwen"" 第二代",Qwen/Qwen2-72B,"'=HYPERLINK(""https://evil.example"",""x"")",c-eval,C-Eval（中文）,'+5-shot,'@acc,0.0000001,,,"https://example.org/a,b",${at}`,
          '"通义千问, ""Qwen"" 第二代",Qwen/Qwen2-72B,\'-0.5 baseline,mmlu," MMLU ",,,-0.5,false,false,,',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('is the header alone for cards without results', () => {
    expect(resultsCsv([emptyCard()])).toBe('\uFEFFcard,model_id,model,benchmark_id,benchmark,setting,metric,value,own,verified,source_url,captured_at\r\n');
  });
});
