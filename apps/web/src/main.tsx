// First, so that restoring the session starts before the rest of the entry runs (decision 0027).
import './app/start-session';
// Mantine's core and notification styles are needed by every page; package styles used by one feature (charts, dropzone,
// the rich-text editor) are imported by the lazy module that uses them, so the first page does not wait for them.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { i18nReady } from './i18n';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

// The first render is a transition, so React renders it in slices and a phone stays responsive meanwhile instead of
// one long task (decision 0027 §10).
void i18nReady.then(() => {
  const root = createRoot(container);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
});
