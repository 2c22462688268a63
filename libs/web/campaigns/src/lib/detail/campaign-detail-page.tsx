import { useGetCampaign } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { ScriptsTab } from '@cadence/web-voicemail';
import { Anchor, Group, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { CampaignStatusBadge } from '../list/campaign-card';
import { TYPE_LABELS } from '../shared/labels';
import { isLive } from '../shared/live';
import { ActivityTab } from './activity-tab';
import { CampaignActions } from './campaign-actions';
import { ContactsTab } from './contacts-tab';
import { OverviewTab } from './overview-tab';
import { StrategiesTab } from './strategies-tab';

const TABS = ['overview', 'contacts', 'strategies', 'activity', 'scripts'] as const;
type Tab = (typeof TABS)[number];

/** How often a running campaign's figures are read again. */
const LIVE_POLL_MS = 3000;

/** One campaign: overview with actions, members, strategies with live status, activity and voicemail scripts. */
export function CampaignDetailPage() {
  const { campaignId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'overview';
  const campaign = useGetCampaign(campaignId, {
    query: { refetchInterval: (query) => (query.state.data && isLive(query.state.data) ? LIVE_POLL_MS : false) },
  });
  useDocumentTitle(`${campaign.data?.name ?? 'Campaign'} · Cadence`);

  if (campaign.isPending) return <LoadingState label="Loading the campaign…" />;
  if (campaign.isError) {
    return (
      <>
        <ErrorAlert title="Could not load the campaign" message={campaign.error.message} code={campaign.error.code} onRetry={() => void campaign.refetch()} />
        <Anchor component={Link} to="/campaigns" size="sm" mt="sm" display="inline-block">
          Back to campaigns
        </Anchor>
      </>
    );
  }
  const c = campaign.data;
  const live = isLive(c);
  return (
    <>
      <Anchor component={Link} to="/campaigns" size="sm">
        ← Campaigns
      </Anchor>
      <PageHeader
        title={c.name}
        description={`${TYPE_LABELS[c.type]}${c.neighborhood ? ` · ${c.neighborhood}` : ''}`}
        actions={
          <Group gap="sm" wrap="wrap">
            <CampaignStatusBadge status={c.status} />
            <CampaignActions campaign={c} />
          </Group>
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (!value || value === 'overview') next.delete('tab');
          else next.set('tab', value);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="contacts">Contacts</Tabs.Tab>
          <Tabs.Tab value="strategies">Strategies</Tabs.Tab>
          <Tabs.Tab value="activity">Activity</Tabs.Tab>
          <Tabs.Tab value="scripts">Scripts</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab campaign={c} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsTab campaignId={c.id} canAdd={c.status !== 'completed' && c.status !== 'failed'} />
        </Tabs.Panel>
        <Tabs.Panel value="strategies">
          <StrategiesTab campaign={c} />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <ActivityTab campaignId={c.id} live={live} />
        </Tabs.Panel>
        <Tabs.Panel value="scripts">
          <ScriptsTab campaignId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
