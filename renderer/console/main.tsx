// The HQ console's entry: the till UI's base styles and the dashboard's card styles (shared with
// the till), then the console's own layout.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './shell/ConsoleApp';
import '../src/styles/base.css';
import '../src/styles/layout.css';
import '../src/styles/dialogs.css';
import '../src/styles/screens.css';
import '../src/dashboard/dashboard.css';
import './console.css';

const root = document.getElementById('root');
if (!root) throw new Error('console/index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
