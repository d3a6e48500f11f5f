import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: i18next starts (and loads the chosen language) before any page module is evaluated.
import './app/i18n.ts';
import { App } from './app/App.tsx';
import './app/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
