import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../shared/i18n/index.tsx';
import { SessionProvider } from '../shared/session.tsx';
import { App } from './App.tsx';
import './admin.css';

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <SessionProvider>
      <App />
    </SessionProvider>
  </I18nProvider>,
);
