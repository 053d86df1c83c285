import { createRoot } from 'react-dom/client';
import { SettingsProvider } from '@/components/settings-context';
import '@/components/ui.css';
import { Popup } from './Popup';

createRoot(document.getElementById('root')!).render(
  <SettingsProvider>
    <Popup />
  </SettingsProvider>,
);
