import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createRunController } from './app/runtime/createRunController';

// Development and e2e builds expose the runtime to tests and the console; production does not.
if (import.meta.env.MODE !== 'production') {
  (window as unknown as { __distlab: unknown }).__distlab = { createRunController };
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
