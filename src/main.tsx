import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { App } from './views/App.tsx';
import { createLabStore } from './state/store.ts';
import { exposeApi } from './state/api.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const store = createLabStore();
exposeApi(store);
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
