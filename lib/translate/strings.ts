/**
 * UI strings for translating (kept apart from lib/i18n/messages.ts). The English table defines the
 * keys; zh must have every one (the type checks it). Placeholders: {name}.
 */
import { isTranslateError, type TranslateErrorCode } from './errors';

const en = {
  // Actions
  translate: 'Translate',
  translateToZh: 'Translate into Chinese',
  translateToEn: 'Translate into English',
  translating: 'Translating…',
  translatingPart: 'Translating… part {done} of {total}',
  downloadPack: 'Download the {pair} language pack',
  downloadingPack: 'Downloading the language pack… {percent}%',
  cancelTranslation: 'Cancel',
  retryTranslation: 'Try again',
  insertTranslation: 'Add below the original',
  replaceWithTranslation: 'Replace with the translation',
  copyTranslation: 'Copy the translation',
  translation: 'Translation',
  viaBuiltin: "Translated on this device by the browser's translator",
  viaEndpoint: 'Translated by {host}',

  // Settings
  translationSettings: 'Translation',
  translationIntro:
    "Translate a selection or a card field on request. The browser's on-device translator is used when it has the language pair; otherwise the endpoint below. Nothing is sent anywhere unless you set an endpoint.",
  useBuiltin: "Use the browser's on-device translator when it can",
  builtinNow: 'This browser can translate {pair} on this device.',
  builtinDownload: 'This browser can translate {pair} on this device after downloading a language pack.',
  builtinDownloading: 'This browser is downloading the {pair} language pack.',
  builtinNo: 'This browser cannot translate {pair} on this device.',
  builtinAbsent: 'This browser has no built-in translator (desktop Chrome 138 or later has one).',
  endpointUrl: 'Endpoint (OpenAI-compatible API base URL)',
  endpointUrlHint: 'For example https://api.openai.com/v1, https://api.deepseek.com/v1 or http://localhost:11434/v1',
  apiKey: 'API key',
  apiKeyHint: "Kept only in this browser's local extension storage: never synced, and sent only to the endpoint above.",
  apiKeySaved: 'A key is saved ({masked}).',
  apiKeyOptionalLocal: 'A local (localhost) endpoint may go without a key.',
  model: 'Model',
  modelHint: 'For example gpt-4o-mini, deepseek-chat or qwen-plus',
  timeoutSeconds: 'Timeout (seconds)',
  testEndpoint: 'Test the endpoint',
  testingEndpoint: 'Testing…',
  endpointWorks: 'The endpoint works. It translated “{sample}” as “{result}”.',
  saveTranslationSettings: 'Save',
  translationSettingsSaved: 'Saved.',
  clearEndpoint: 'Remove the endpoint and its key',
  endpointCleared: 'The endpoint and its key were removed.',
  endpointPermission: 'Allow the extension to reach {origin}',
  endpointPermissionDenied: 'Without your permission the extension cannot reach {origin}.',
  notConfiguredHint: 'No endpoint is set, so nothing is sent anywhere.',

  // Errors, one per TranslateErrorCode (err_<code>)
  'err_nothing-configured': 'Nothing is configured for translating: {why}, and no translation endpoint is set. Add an OpenAI-compatible endpoint in the settings. Nothing was sent.',
  'why_absent': 'this browser has no built-in translator',
  'why_unavailable': "the browser's translator cannot translate {pair} on this device",
  'why_needs-download': "the browser's translator must first download the {pair} language pack",
  'why_off': "the browser's translator is turned off in the settings",
  'why_failed': "the browser's translator failed",
  'err_not-configured': 'No translation endpoint is configured: set its URL, model and API key in the settings.',
  'err_invalid-settings': 'The translation settings are not valid: {detail}',
  'err_empty-input': 'There is no text to translate.',
  'err_too-long': 'The text is too long to translate at once.',
  'err_same-language': 'The text is already in {language}.',
  err_unreachable: 'Could not reach {host}: check the endpoint URL and that the server is running ({detail}).',
  err_timeout: '{host} did not answer in time.',
  err_aborted: 'The translation was cancelled.',
  err_redirected: '{host} answered with a redirect: enter the final API URL. The key was not sent on.',
  'err_key-rejected': '{host} rejected the API key (HTTP {status}): check the key in the settings.',
  'err_not-found': '{host} answered 404: the endpoint URL or the model name is wrong. {detail}',
  'err_rate-limited': '{host} is limiting requests (HTTP 429). Try again in {seconds} s.',
  'err_rate-limited-later': '{host} is limiting requests (HTTP 429). Try again later. {detail}',
  'err_bad-request': '{host} refused the request (HTTP {status}). {detail}',
  'err_server-error': '{host} had a server error (HTTP {status}); try again later. {detail}',
  'err_http-error': '{host} answered HTTP {status}. {detail}',
  err_malformed: 'The answer from {host} is not an OpenAI-style chat completion: is the endpoint the API base URL (ending in /v1)?',
  'err_empty-answer': '{host} answered with an empty translation.',
  err_truncated: 'The answer from {host} was cut off at the model’s output limit: translate a shorter text.',
  'err_builtin-needs-download': "The browser's translator must first download the {pair} language pack: click “Download” to start it.",
  'err_builtin-failed': "The browser's translator failed: {detail}",
  err_unknown: 'The translation failed: {detail}',
  languageZh: 'Chinese',
  languageEn: 'English',
};

export type TranslateStringKey = keyof typeof en;

const zh: Record<TranslateStringKey, string> = {
  translate: '翻译',
  translateToZh: '翻译成中文',
  translateToEn: '翻译成英文',
  translating: '正在翻译…',
  translatingPart: '正在翻译…第 {done}/{total} 段',
  downloadPack: '下载 {pair} 语言包',
  downloadingPack: '正在下载语言包… {percent}%',
  cancelTranslation: '取消',
  retryTranslation: '重试',
  insertTranslation: '附在原文下方',
  replaceWithTranslation: '用译文替换',
  copyTranslation: '复制译文',
  translation: '译文',
  viaBuiltin: '由浏览器内置翻译在本机完成',
  viaEndpoint: '由 {host} 翻译',

  translationSettings: '翻译',
  translationIntro: '按需翻译选中的文字或卡片字段。浏览器内置的本机翻译支持该语言对时优先使用；否则使用下方的接口。未设置接口时，不会向任何地方发送内容。',
  useBuiltin: '可用时使用浏览器内置的本机翻译',
  builtinNow: '此浏览器可在本机翻译 {pair}。',
  builtinDownload: '此浏览器下载语言包后可在本机翻译 {pair}。',
  builtinDownloading: '此浏览器正在下载 {pair} 语言包。',
  builtinNo: '此浏览器无法在本机翻译 {pair}。',
  builtinAbsent: '此浏览器没有内置翻译（桌面版 Chrome 138 及以上才有）。',
  endpointUrl: '接口地址（兼容 OpenAI 的 API 基础 URL）',
  endpointUrlHint: '例如 https://api.openai.com/v1、https://api.deepseek.com/v1 或 http://localhost:11434/v1',
  apiKey: 'API 密钥',
  apiKeyHint: '只保存在本浏览器的扩展本地存储中：不会同步，只发送给上面的接口。',
  apiKeySaved: '已保存密钥（{masked}）。',
  apiKeyOptionalLocal: '本地（localhost）接口可以不填密钥。',
  model: '模型',
  modelHint: '例如 gpt-4o-mini、deepseek-chat 或 qwen-plus',
  timeoutSeconds: '超时（秒）',
  testEndpoint: '测试接口',
  testingEndpoint: '正在测试…',
  endpointWorks: '接口可用：“{sample}”译为“{result}”。',
  saveTranslationSettings: '保存',
  translationSettingsSaved: '已保存。',
  clearEndpoint: '移除接口及其密钥',
  endpointCleared: '已移除接口及其密钥。',
  endpointPermission: '允许扩展访问 {origin}',
  endpointPermissionDenied: '未获得你的许可，扩展无法访问 {origin}。',
  notConfiguredHint: '未设置接口，因此不会向任何地方发送内容。',

  'err_nothing-configured': '尚未配置翻译：{why}，也没有设置翻译接口。请在设置中添加兼容 OpenAI 的接口。未发送任何内容。',
  why_absent: '此浏览器没有内置翻译',
  why_unavailable: '浏览器内置翻译无法在本机翻译 {pair}',
  'why_needs-download': '浏览器内置翻译需要先下载 {pair} 语言包',
  why_off: '浏览器内置翻译已在设置中关闭',
  why_failed: '浏览器内置翻译出错',
  'err_not-configured': '尚未配置翻译接口：请在设置中填写接口地址、模型和 API 密钥。',
  'err_invalid-settings': '翻译设置无效：{detail}',
  'err_empty-input': '没有要翻译的文字。',
  'err_too-long': '文字太长，无法一次翻译。',
  'err_same-language': '这段文字已经是{language}。',
  err_unreachable: '无法连接 {host}：请检查接口地址，并确认服务正在运行（{detail}）。',
  err_timeout: '{host} 未能及时响应。',
  err_aborted: '翻译已取消。',
  err_redirected: '{host} 返回了重定向：请填写最终的 API 地址。密钥未被转发。',
  'err_key-rejected': '{host} 拒绝了 API 密钥（HTTP {status}）：请在设置中检查密钥。',
  'err_not-found': '{host} 返回 404：接口地址或模型名称有误。{detail}',
  'err_rate-limited': '{host} 正在限流（HTTP 429），请 {seconds} 秒后重试。',
  'err_rate-limited-later': '{host} 正在限流（HTTP 429），请稍后重试。{detail}',
  'err_bad-request': '{host} 拒绝了请求（HTTP {status}）。{detail}',
  'err_server-error': '{host} 服务器出错（HTTP {status}），请稍后重试。{detail}',
  'err_http-error': '{host} 返回 HTTP {status}。{detail}',
  err_malformed: '{host} 的回答不是 OpenAI 格式的 chat completion：接口地址是否为 API 基础 URL（以 /v1 结尾）？',
  'err_empty-answer': '{host} 返回了空的译文。',
  err_truncated: '{host} 的回答在模型输出上限处被截断：请翻译较短的文字。',
  'err_builtin-needs-download': '浏览器内置翻译需要先下载 {pair} 语言包：点击“下载”开始。',
  'err_builtin-failed': '浏览器内置翻译出错：{detail}',
  err_unknown: '翻译失败：{detail}',
  languageZh: '中文',
  languageEn: '英文',
};

export const translateStrings = { en, zh };

export type StringsLocale = 'en' | 'zh';

export function tr(locale: StringsLocale, key: TranslateStringKey, params: Record<string, string | number> = {}): string {
  const table = locale === 'zh' ? zh : en;
  return table[key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`)).replace(/\s+$/, '');
}

/** A TranslateError (or anything thrown) as a sentence for the UI, in the user's language. */
export function translateErrorText(locale: StringsLocale, e: unknown): string {
  if (!isTranslateError(e)) return tr(locale, 'err_unknown', { detail: e instanceof Error ? e.message : String(e) });
  const i = e.info;
  const pair = i.pair ?? '';
  const params: Record<string, string | number> = {
    host: i.host ?? '',
    status: i.status ?? '',
    detail: i.detail ?? '',
    pair,
    seconds: i.retryAfterMs !== undefined ? Math.max(1, Math.ceil(i.retryAfterMs / 1000)) : '',
  };
  const code: TranslateErrorCode = e.code;
  switch (code) {
    case 'nothing-configured':
      return tr(locale, 'err_nothing-configured', { why: tr(locale, `why_${i.builtin ?? 'absent'}`, { pair }) });
    case 'rate-limited':
      return i.retryAfterMs !== undefined ? tr(locale, 'err_rate-limited', params) : tr(locale, 'err_rate-limited-later', params);
    case 'same-language':
      return tr(locale, 'err_same-language', { language: tr(locale, pair.endsWith('en') ? 'languageEn' : 'languageZh') });
    case 'invalid-settings':
    case 'builtin-failed':
      // These details are our own English sentences; show the whole message when there is no detail.
      return tr(locale, `err_${code}`, { ...params, detail: i.detail || e.message });
    case 'unreachable':
      return tr(locale, 'err_unreachable', params);
    default:
      return tr(locale, `err_${code}`, params);
  }
}
