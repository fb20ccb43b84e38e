import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { antTheme, I18nProvider } from '../shared/i18n/index.tsx';
import { SessionProvider } from '../shared/session.tsx';
import { App } from './App.tsx';
import './screen.css';

// A wall display in a control room: dark, with cyan accents that read from across the room.
const theme = {
  algorithm: antTheme.darkAlgorithm,
  token: { colorPrimary: '#13c2c2', colorBgBase: '#06122a', colorBgContainer: '#0b1d3d', colorBorder: '#1d4f80', fontSize: 15, borderRadius: 4 },
};

createRoot(document.getElementById('root')!).render(
  <I18nProvider theme={theme}>
    <SessionProvider>
      <BrowserRouter basename="/screen">
        <App />
      </BrowserRouter>
    </SessionProvider>
  </I18nProvider>,
);
