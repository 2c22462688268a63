import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import * as ReactDOM from 'react-dom/client';
import { App } from './app/app';
import { createAppRouter } from './app/router';
import { createAppQueryClient } from './app/query-client';
import { handleSessionExpiry } from './app/auth/session';

const queryClient = createAppQueryClient();
const router = createAppRouter();
handleSessionExpiry(queryClient);

ReactDOM.createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} />
  </StrictMode>,
);
