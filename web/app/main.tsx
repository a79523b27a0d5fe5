import '@gouvfr/dsfr/dist/dsfr.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons.min.css';
import '@gouvfr/dsfr/dist/dsfr.module.min.js';
import favicon from '@gouvfr/dsfr/dist/favicon/favicon.svg';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionProvider } from './session';
import './app.css';

document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.setAttribute('href', favicon);

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
