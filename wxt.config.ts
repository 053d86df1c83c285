import { defineConfig } from 'wxt';

// Host access only for the sites we extract from and the APIs their extractors call;
// every other page is reached through activeTab when the user clicks the toolbar button.
export const SERVED_HOSTS = [
  'https://arxiv.org/*',
  'https://export.arxiv.org/*',
  'https://huggingface.co/*',
  'https://datasets-server.huggingface.co/*',
  'https://modelscope.cn/*',
  'https://www.modelscope.cn/*',
  'https://mp.weixin.qq.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // The e2e build (wxt build --mode e2e) adds <all_urls>: a test cannot click the toolbar button, which
    // is what grants activeTab for tabs.captureVisibleTab. The shipped build never has it.
    host_permissions: mode === 'e2e' ? [...SERVED_HOSTS, '<all_urls>'] : SERVED_HOSTS,
    // Asked for only when the user sets a translation endpoint, and only for that origin.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'] }),
    commands: {
      'capture-region': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdRegion__' },
      'send-selection': { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_cmdSelection__' },
    },
    action: { default_title: '__MSG_actionTitle__' },
    // Both builds carry the Gecko settings, so the Chrome build also passes web-ext lint (Chrome ignores the key).
    browser_specific_settings: {
      gecko: {
        id: 'llm-survey-cards@survey-cards.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // An MV3 service worker with a background-scripts fallback: Chrome (121+) uses the worker, Firefox the scripts.
      if (manifest.manifest_version === 3 && manifest.background && 'service_worker' in manifest.background) {
        manifest.background = { ...manifest.background, scripts: [manifest.background.service_worker] } as typeof manifest.background;
      }
    },
  },
});
