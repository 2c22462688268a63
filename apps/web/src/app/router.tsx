import { CampaignDetailPage, CampaignsPage, CampaignWizardPage } from '@cadence/web-campaigns';
import { ComplianceSettingsPage, RepliesPage } from '@cadence/web-engagement';
import { ContactDetailPage, ContactsPage, ImportPage, ImportsPage, NewContactPage, NewImportPage, SegmentEditorPage, SegmentsPage } from '@cadence/web-contacts';
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
              { path: 'campaigns', element: <CampaignsPage /> },
              { path: 'campaigns/new', element: <CampaignWizardPage /> },
              { path: 'campaigns/:campaignId', element: <CampaignDetailPage /> },
              { path: 'campaigns/:campaignId/setup', element: <CampaignWizardPage /> },
              { path: 'contacts', element: <ContactsPage /> },
              { path: 'contacts/new', element: <NewContactPage /> },
              { path: 'contacts/:contactId', element: <ContactDetailPage /> },
              { path: 'segments', element: <SegmentsPage /> },
              { path: 'segments/new', element: <SegmentEditorPage /> },
              { path: 'segments/:segmentId', element: <SegmentEditorPage /> },
              { path: 'imports', element: <ImportsPage /> },
              { path: 'imports/new', element: <NewImportPage /> },
              { path: 'imports/:importId', element: <ImportPage /> },
              { path: 'replies', element: <RepliesPage /> },
              ...COMING_SOON.map((placeholder) => ({
                path: placeholder.path,
                element: <ComingSoonPage placeholder={placeholder} />,
              })),
              { path: 'settings', element: <Navigate to="/settings/api-keys" replace /> },
              { path: 'settings/api-keys', element: <ApiKeysPage /> },
              { path: 'settings/compliance', element: <ComplianceSettingsPage /> },
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
