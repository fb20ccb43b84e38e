import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../shared/i18n/index.tsx';
import { SessionProvider } from '../shared/session.tsx';
import { App } from './App.tsx';
import './merchant.css';

// Large controls throughout: the shop assistant types with one thumb while serving at the counter.
const theme = { token: { colorPrimary: '#c0392b', borderRadius: 10, fontSize: 16, controlHeight: 44, controlHeightLG: 56 } };

createRoot(document.getElementById('root')!).render(
  <I18nProvider theme={theme}>
    <SessionProvider>
      <BrowserRouter basename="/merchant">
        <App />
      </BrowserRouter>
    </SessionProvider>
  </I18nProvider>,
);
