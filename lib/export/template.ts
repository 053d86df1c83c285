export type TemplateLang = 'zh' | 'en';

/** Labels of the users' survey template, kept verbatim in Chinese; English as an option. */
export const TEMPLATE_LABELS = {
  zh: {
    model: '模型',
    paperTitle: '论文',
    paperUrl: '论文地址',
    codeUrl: 'git地址',
    summary: '论文简介',
    modelUrl: '模型地址',
    datasets: '所用数据集',
    architecture: '算法结构',
    training: '训练方法',
    evaluation: '评估报告（多个benchmark）',
    showcase: '效果展示',
    benchmark: 'Benchmark',
    setting: '设置',
  },
  en: {
    model: 'Model',
    paperTitle: 'Paper',
    paperUrl: 'Paper URL',
    codeUrl: 'Code',
    summary: 'Summary',
    modelUrl: 'Model URL',
    datasets: 'Datasets',
    architecture: 'Architecture',
    training: 'Training',
    evaluation: 'Evaluation (benchmarks)',
    showcase: 'Showcase',
    benchmark: 'Benchmark',
    setting: 'Setting',
  },
} as const;
