import { BulkContactAction, useListContacts } from '@cadence/web-api-client';
import type { BulkContactActionResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Alert, Anchor, Button, EmptyState, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatCount, plural } from '../shared/format';
import { invalidateContacts } from '../shared/query-keys';
import { BulkActionBar } from './bulk-action-bar';
import { BulkActionModal, describeBulkResult } from './bulk-action-modal';
import { ContactFilters } from './contact-filters';
import { ContactList } from './contact-list';
import type { ListState } from './list-state';
import { filterKey, filterOf, listParamsOf, PAGE_SIZE, readListState, writeListState } from './list-state';
import { bulkTarget, NOTHING_SELECTED, selectedCount, selectionReducer } from './selection';

/** The CRM list: search, filters (kept in the address), paging, and bulk actions over a selection. */
export function ContactsPage() {
  useDocumentTitle('Contacts · Cadence');
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const contacts = useListContacts(listParamsOf(state), { query: { placeholderData: keepPreviousData } });
  const queryClient = useQueryClient();
  const [selection, dispatch] = useReducer(selectionReducer, NOTHING_SELECTED);
  const [action, setAction] = useState<BulkContactAction | null>(null);

  // A selection means "these contacts of this filter": a different filter starts afresh.
  const key = filterKey(state);
  useEffect(() => dispatch({ type: 'clear' }), [key]);

  // A debounced search lands after later changes (a tag typed meanwhile): build on the latest address,
  // not on the one of the render that scheduled it.
  const latestParams = useRef(params);
  latestParams.current = params;
  const update = (changes: Partial<ListState>) => {
    const next = writeListState({ ...readListState(latestParams.current), ...changes });
    latestParams.current = next;
    setParams(next, { replace: true });
  };
  const reset = () => setParams(new URLSearchParams(), { replace: true });

  const total = contacts.data?.total ?? 0;
  const items = contacts.data?.items ?? [];
  const pageIds = items.map((c) => c.id);
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filter = filterOf(state);
  const filtered = Object.keys(filter).length > 0;
  const count = selectedCount(selection, total);

  // Contacts filtered by one campaign are most likely headed for that campaign.
  const suggestedCampaignId = state.campaign.kind === 'in' || state.campaign.kind === 'not-in' ? state.campaign.campaignId : null;

  const onDone = (result: BulkContactActionResponseDto) => {
    setAction(null);
    dispatch({ type: 'clear' });
    notifications.show({ color: 'teal', message: describeBulkResult(result) });
    if (result.action === BulkContactAction.delete && state.page > 1 && result.modified >= items.length) {
      update({ page: state.page - 1 });
    }
    void invalidateContacts(queryClient);
  };

  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone you can reach, with their phones, consent and campaign history."
        actions={
          <Group gap="sm">
            <Button component={Link} to="/segments" variant="default">
              Segments
            </Button>
            <Button component={Link} to="/contacts/new" variant="default">
              New contact
            </Button>
            <Button component={Link} to="/imports/new">
              Import contacts
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <ContactFilters state={state} onChange={update} onReset={reset} />
        </Paper>

        {state.importBatchId || state.segmentId ? (
          <Alert color="indigo" variant="light" role="note" title={state.importBatchId ? 'Contacts created by one import' : 'Contacts of a saved segment'}>
            <Group gap="sm" wrap="wrap">
              <Text size="sm">
                {state.importBatchId ? (
                  <>
                    Only the contacts this <Anchor component={Link} to={`/imports/${state.importBatchId}`}>import</Anchor> created are listed.
                  </>
                ) : (
                  <>
                    Only the contacts matching this <Anchor component={Link} to={`/segments/${state.segmentId}`}>segment</Anchor> are listed; bulk
                    actions apply to them.
                  </>
                )}
              </Text>
              <Button size="xs" variant="default" onClick={() => update({ importBatchId: null, segmentId: null, page: 1 })}>
                Show all contacts
              </Button>
            </Group>
          </Alert>
        ) : null}

        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Contact list">
          <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {contacts.data
                ? filtered
                  ? `${plural(total, 'contact')} match`
                  : plural(total, 'contact')
                : contacts.isPending
                  ? 'Loading…'
                  : ''}
              {contacts.isFetching && contacts.data ? ' · updating…' : ''}
            </Text>
            {contacts.data && totalPages > 1 ? (
              <Text size="sm" c="dimmed">
                Page {state.page} of {formatCount(totalPages)}
              </Text>
            ) : null}
          </Group>

          <BulkActionBar
            selection={selection}
            count={count}
            total={total}
            pageIds={pageIds}
            onSelectAllMatching={() => dispatch({ type: 'select-all-matching' })}
            onClear={() => dispatch({ type: 'clear' })}
            onAction={setAction}
          />

          {contacts.isPending ? (
            <LoadingState label="Loading contacts…" />
          ) : contacts.isError ? (
            <ErrorAlert
              title="Could not load your contacts"
              message={contacts.error.message}
              code={contacts.error.code}
              onRetry={() => void contacts.refetch()}
            />
          ) : items.length === 0 ? (
            filtered ? (
              <EmptyState title="No contacts match" description="Try fewer filters or another search.">
                <EmptyState.Actions>
                  <Button variant="default" onClick={reset}>
                    Clear filters
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <EmptyState
                title="No contacts yet"
                description="Import a CSV, Excel, vCard or dialer export to get started."
              >
                <EmptyState.Actions>
                  <Button component={Link} to="/imports/new">
                    Import contacts
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            )
          ) : (
            <Stack gap="md">
              <ContactList
                contacts={items}
                selection={selection}
                onToggle={(id) => dispatch({ type: 'toggle', id, pageIds })}
                onTogglePage={(select) => dispatch({ type: select ? 'select-page' : 'clear-page', pageIds })}
              />
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
        </Paper>
      </Stack>

      <BulkActionModal
        action={action}
        target={bulkTarget(selection, filter)}
        count={count}
        suggestedCampaignId={suggestedCampaignId}
        onClose={() => setAction(null)}
        onDone={onDone}
      />
    </>
  );
}
