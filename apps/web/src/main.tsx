import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { meKey } from './api/auth';
import { setUnauthenticatedHandler } from './api/client';
import { queryClient } from './api/queryClient';
import { App } from './App';
import './i18n';

// A 401 mid-session means the session ended: forget the user; RequireAuth then shows the login
// page and returns to the same place after signing in.
setUnauthenticatedHandler(() => queryClient.setQueryData(meKey, null));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
