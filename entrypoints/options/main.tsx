import { createRoot } from 'react-dom/client';
import { SettingsProvider } from '@/components/settings-context';
import '@/components/ui.css';
import { Library } from './Library';

createRoot(document.getElementById('root')!).render(
  <SettingsProvider>
    <Library />
  </SettingsProvider>,
);
