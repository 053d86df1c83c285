import type { SectionSuggestion } from '../schema';

// Headings that usually introduce what a surveyor copies into 算法结构 / 训练方法 / 评估报告 / 效果展示.
const RULES: { field: SectionSuggestion['field']; re: RegExp }[] = [
  { field: 'training', re: /pre-?train|post-?train|training|fine-?tun|alignment|\brlhf\b|\bdpo\b|\bsft\b|instruction tuning|reinforcement|distill|训练|微调|对齐|预训练/i },
  { field: 'architecture', re: /architect|model (details|design|overview|structure|description)|^\s*(\d+(\.\d+)*\s*)?(the )?(model|method|methodology|approach)s?\s*$|mixture.of.experts|\bmoe\b|结构|架构|模型介绍|模型设计/i },
  { field: 'evaluation', re: /evaluat|benchmark|results?$|performance|experiments?|评测|评估|性能|效果/i },
  { field: 'showcase', re: /demo|example|showcase|case stud|quick ?start|示例|演示|案例/i },
];

const MAX_TEXT = 6000;
/** A paper has many subsections; the first few per field are what a surveyor wants offered. */
const MAX_PER_FIELD = 4;

/** Picks the sections whose headings suggest a card field; the text is offered, never written by itself. */
export function suggestSections(sections: { heading: string; text: string }[]): SectionSuggestion[] {
  const out: SectionSuggestion[] = [];
  for (const s of sections) {
    const heading = s.heading.replace(/\s+/g, ' ').trim();
    const text = s.text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
    if (!heading || text.length < 20) continue;
    const rule = RULES.find((r) => r.re.test(heading));
    if (rule && out.filter((o) => o.field === rule.field).length < MAX_PER_FIELD) out.push({ heading, text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text, field: rule.field });
  }
  return out;
}
