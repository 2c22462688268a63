import { ComingSoon } from '@cadence/web-ui';
import { useDocumentTitle } from '@mantine/hooks';

interface Placeholder {
  path: string;
  title: string;
  comingWith: string;
  description: string;
}

/** Pages in the navigation whose modules are not built yet. They say what will come and show no data. */
export const COMING_SOON: readonly Placeholder[] = [
  {
    path: 'templates',
    title: 'Templates',
    comingWith: 'templates module',
    description: 'Reusable voicemail scripts, SMS and email templates, and whole-campaign templates.',
  },
  {
    path: 'analytics',
    title: 'Analytics',
    comingWith: 'analytics module',
    description: 'Delivery, listens, opens, clicks and replies per campaign and channel, with cost and ROI.',
  },
];

export function ComingSoonPage({ placeholder }: { placeholder: Placeholder }) {
  useDocumentTitle(`${placeholder.title} · Cadence`);
  return (
    <ComingSoon title={placeholder.title} comingWith={placeholder.comingWith} description={placeholder.description} />
  );
}
