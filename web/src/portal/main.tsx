import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../lib/i18n-provider';
import { startingLocale } from '../lib/i18n';
import { PortalApp } from './portal-app';
import '../styles.css';
import './portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={startingLocale()}>
      <PortalApp />
    </I18nProvider>
  </StrictMode>,
);
