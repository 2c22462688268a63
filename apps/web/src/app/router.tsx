import { ContactDetailPage, ContactsPage, ImportPage, ImportsPage, NewImportPage, SegmentEditorPage, SegmentsPage } from '@cadence/web-contacts';
import { createBrowserRouter, Navigate } from 'react-router';
import type { RouteObject } from 'react-router';
import { LoginPage } from './auth/login-page';
import { RegisterPage } from './auth/register-page';
import { PublicOnly, RequireAuth } from './auth/route-guards';
import { DashboardPage } from './dashboard/dashboard-page';
import { NotFoundPage } from './errors/not-found-page';
import { RouteErrorPage } from './errors/route-error-page';
import { AppLayout } from './layout/app-layout';
import { COMING_SOON, ComingSoonPage } from './modules/coming-soon-pages';
import { ApiKeysPage } from './settings/api-keys-page';

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Navigate to="/dashboard" replace /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'contacts', element: <ContactsPage /> },
              { path: 'contacts/:contactId', element: <ContactDetailPage /> },
              { path: 'segments', element: <SegmentsPage /> },
              { path: 'segments/new', element: <SegmentEditorPage /> },
              { path: 'segments/:segmentId', element: <SegmentEditorPage /> },
              { path: 'imports', element: <ImportsPage /> },
              { path: 'imports/new', element: <NewImportPage /> },
              { path: 'imports/:importId', element: <ImportPage /> },
              ...COMING_SOON.map((placeholder) => ({
                path: placeholder.path,
                element: <ComingSoonPage placeholder={placeholder} />,
              })),
              { path: 'settings', element: <Navigate to="/settings/api-keys" replace /> },
              { path: 'settings/api-keys', element: <ApiKeysPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function createAppRouter(): AppRouter {
  return createBrowserRouter(appRoutes);
}
