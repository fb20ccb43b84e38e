import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../shared/i18n/index.tsx';
import { SessionProvider } from '../shared/session.tsx';
import { App } from './App.tsx';
import './work.css';

// The field app's red matches the page's theme colour, so the phone's bar and the buttons agree.
const theme = { token: { colorPrimary: '#c0392b', borderRadius: 8 } };

createRoot(document.getElementById('root')!).render(
  <I18nProvider theme={theme}>
    <SessionProvider>
      <BrowserRouter basename="/work">
        <App />
      </BrowserRouter>
    </SessionProvider>
  </I18nProvider>,
);
