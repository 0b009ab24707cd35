import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { App } from './views/app/App.tsx';
import { createLabStore } from './state/store.ts';
import { exposeApi } from './state/api.ts';
import { openFromAddressBar, syncAddressBar } from './state/address-bar.ts';
import './styles/base.css';
import './styles/tokens.css';
import './styles/network.css';
import './styles/panels.css';
import './styles/present.css';
import './styles/layout.css';
import './styles/stage.css';
import './styles/side.css';
import './styles/practice.css';
import './styles/worked.css';
import './styles/print.css';
import './styles/embed.css';
import './styles/compare.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const store = createLabStore();
exposeApi(store);
// the reader's system theme, unless a link asks for one
if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) store.getState().actions.setTheme('dark');
openFromAddressBar(store);
syncAddressBar(store);
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
