import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n/i18n';
import { App } from './app/App';
import { refreshSession } from './auth/session';

// A reload keeps the person signed in: the refresh cookie gives a new access token before the first screen.
await Promise.all([setupI18n(), refreshSession()]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
