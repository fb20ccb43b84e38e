import { createRoot } from 'react-dom/client';
import { SessionProvider } from '../shared/session.tsx';
import { App } from './App.tsx';
import { ResidentProviders } from './elder.tsx';
import './resident.css';

createRoot(document.getElementById('root')!).render(
  <ResidentProviders>
    <SessionProvider>
      <App />
    </SessionProvider>
  </ResidentProviders>,
);
