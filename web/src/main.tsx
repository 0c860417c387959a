import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { I18nProvider } from './lib/i18n-provider';
import { startingLocale } from './lib/i18n';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={startingLocale()}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
