import type { CampaignSort, CampaignStatus, CampaignType } from '@cadence/web-api-client';
import { useListCampaigns } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Button, EmptyState, Group, Pagination, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatCount, plural } from '../shared/format';
import { SORT_LABELS, STATUS_LABELS, TYPE_LABELS } from '../shared/labels';
import { isLive } from '../shared/live';
import { CampaignCard } from './campaign-card';
import type { ListState } from './list-state';
import { isFiltered, listParamsOf, PAGE_SIZE, readListState, writeListState } from './list-state';

/** While a shown campaign is sending, its card's status and figures refresh at this pace. */
const LIVE_POLL_MS = 5000;

const STATUS_TABS: Array<CampaignStatus | 'all'> = ['all', 'draft', 'review', 'approved', 'scheduled', 'submitted', 'active', 'paused', 'completed', 'failed'];

/** Every campaign of the agent as cards, by status, with type filter, search, sort and paging. */
export function CampaignsPage() {
  useDocumentTitle('Campaigns · Cadence');
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const campaigns = useListCampaigns(listParamsOf(state), {
    query: {
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.items.some((campaign) => isLive(campaign)) ? LIVE_POLL_MS : false),
    },
  });

  const latestParams = useRef(params);
  latestParams.current = params;
  const update = (changes: Partial<ListState>) => {
    const next = writeListState({ ...readListState(latestParams.current), page: 1, ...changes });
    latestParams.current = next;
    setParams(next, { replace: true });
  };

  const [search, setSearch] = useState(state.search);
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => {
    if (debounced !== readListState(latestParams.current).search) update({ search: debounced });
    // Only a settled search changes the address; `update` reads the latest address itself.
  }, [debounced]);

  const total = campaigns.data?.total ?? 0;
  const items = campaigns.data?.items ?? [];
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = isFiltered(state) || state.status !== null;
  const clear = () => {
    setSearch('');
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Texts, emails and ringless voicemails to groups of contacts, on a schedule and a budget."
        actions={
          <Button component={Link} to="/campaigns/new">
            New campaign
          </Button>
        }
      />
      <Stack gap="md">
        <Tabs value={state.status ?? 'all'} onChange={(value) => update({ status: value === 'all' || !value ? null : (value as CampaignStatus) })}>
          <Tabs.List aria-label="Campaign status" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            {STATUS_TABS.map((status) => (
              <Tabs.Tab key={status} value={status}>
                {status === 'all' ? 'All' : STATUS_LABELS[status]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>

        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              type="search"
              label="Search"
              placeholder="Campaign name"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 220px' }}
            />
            <Select
              label="Type"
              placeholder="Any type"
              clearable
              data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
              value={state.type}
              onChange={(value) => update({ type: (value as CampaignType | null) ?? null })}
              style={{ flex: '0 1 220px' }}
            />
            <Select
              label="Sort"
              allowDeselect={false}
              data={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
              value={state.sort}
              onChange={(value) => value && update({ sort: value as CampaignSort })}
              style={{ flex: '0 1 200px' }}
            />
          </Group>
        </Paper>

        <section aria-label="Campaign list">
          <Group justify="space-between" mb="sm" gap="xs">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {campaigns.data ? plural(total, 'campaign') : campaigns.isPending ? 'Loading…' : ''}
              {campaigns.isFetching && campaigns.data ? ' · updating…' : ''}
            </Text>
            {campaigns.data && totalPages > 1 ? (
              <Text size="sm" c="dimmed">
                Page {state.page} of {formatCount(totalPages)}
              </Text>
            ) : null}
          </Group>

          {campaigns.isPending ? (
            <LoadingState label="Loading campaigns…" />
          ) : campaigns.isError ? (
            <ErrorAlert
              title="Could not load your campaigns"
              message={campaigns.error.message}
              code={campaigns.error.code}
              onRetry={() => void campaigns.refetch()}
            />
          ) : items.length === 0 ? (
            filtered ? (
              <EmptyState title="No campaigns match" description="Try another status, type or search.">
                <EmptyState.Actions>
                  <Button variant="default" onClick={clear}>
                    Show all campaigns
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <EmptyState title="No campaigns yet" description="Pick contacts, choose texts, emails or voicemails, review the plan and launch.">
                <EmptyState.Actions>
                  <Button component={Link} to="/campaigns/new">
                    Create your first campaign
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            )
          ) : (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" role="list" aria-label="Campaigns">
                {items.map((campaign) => (
                  <div role="listitem" key={campaign.id}>
                    <CampaignCard campaign={campaign} />
                  </div>
                ))}
              </SimpleGrid>
              {totalPages > 1 ? (
                <Pagination
                  total={totalPages}
                  value={state.page}
                  onChange={(page) => update({ page })}
                  getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                  getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
                />
              ) : null}
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}
