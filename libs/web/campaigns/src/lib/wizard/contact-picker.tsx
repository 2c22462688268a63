import type { ContactFilterRequestDto, ListContactsParams } from '@cadence/web-api-client';
import { useAddCampaignContacts, useBulkContactAction, useListContacts, useListSegments } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Alert, Anchor, Button, Checkbox, Group, Pagination, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../shared/api-error';
import { plural } from '../shared/format';
import { invalidateCampaigns } from '../shared/query-keys';

const PAGE_SIZE = 10;
type Source = 'crm' | 'segment' | 'import';

export interface ContactPickerProps {
  campaignId: string;
  /** After contacts were added (the member count changed). */
  onAdded?: () => void;
}

function invalidateContactLists(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    invalidateCampaigns(queryClient),
    queryClient.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('/api/v1/contacts') }),
  ]);
}

/** Adds contacts to a campaign: picked from the CRM (search, tag, state), a saved segment, or an import. */
export function ContactPicker({ campaignId, onAdded }: ContactPickerProps) {
  const [source, setSource] = useState<Source>('crm');
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Where the contacts come from"
        value={source}
        onChange={(value) => setSource(value as Source)}
        data={[
          { value: 'crm', label: 'From your contacts' },
          { value: 'segment', label: 'A saved segment' },
          { value: 'import', label: 'Import a file' },
        ]}
        fullWidth
      />
      {source === 'crm' ? <CrmPicker campaignId={campaignId} onAdded={onAdded} /> : null}
      {source === 'segment' ? <SegmentPicker campaignId={campaignId} onAdded={onAdded} /> : null}
      {source === 'import' ? (
        <Alert variant="light" color="indigo" title="Import new contacts">
          <Text size="sm">
            Upload a CSV, Excel, vCard or dialer export. On the last step of the import choose “Add to an existing campaign” and pick
            this campaign; come back here when it has finished.
          </Text>
          <Anchor component={Link} to="/imports/new" size="sm" mt="xs" display="inline-block">
            Go to the import
          </Anchor>
        </Alert>
      ) : null}
    </Stack>
  );
}

function CrmPicker({ campaignId, onAdded }: ContactPickerProps) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [debouncedTag] = useDebouncedValue(tag.trim(), 300);
  const [debouncedState] = useDebouncedValue(state.trim().toUpperCase(), 300);
  const filter: ContactFilterRequestDto = {
    notInCampaign: campaignId,
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
    ...(debouncedTag ? { tag: debouncedTag } : {}),
    ...(debouncedState ? { state: debouncedState } : {}),
  };
  const params: ListContactsParams = { ...filter, page, limit: PAGE_SIZE };
  const contacts = useListContacts(params, { query: { placeholderData: keepPreviousData } });
  const addIds = useAddCampaignContacts();
  const addMatching = useBulkContactAction();
  const failure = addIds.error ?? addMatching.error;

  const done = (count: number) => {
    setSelected(new Set());
    setPage(1);
    notifications.show({ color: 'teal', message: `Added ${plural(count, 'contact')} to the campaign.` });
    void invalidateContactLists(queryClient);
    onAdded?.();
  };
  const addSelected = () =>
    addIds.mutate({ id: campaignId, data: { contactIds: [...selected] } }, { onSuccess: (result) => done(result.added) });
  const addAll = () =>
    addMatching.mutate({ data: { action: 'add-to-campaign', filter, campaignId } }, { onSuccess: (result) => done(result.modified) });

  const items = contacts.data?.items ?? [];
  const total = contacts.data?.total ?? 0;
  const pageIds = items.map((c) => c.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label="Search contacts"
          placeholder="Name, phone or email"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 200px' }}
        />
        <TextInput label="Tag" value={tag} onChange={(e) => { setTag(e.currentTarget.value); setPage(1); }} style={{ flex: '0 1 140px' }} />
        <TextInput label="State" placeholder="CA" value={state} onChange={(e) => { setState(e.currentTarget.value); setPage(1); }} style={{ flex: '0 1 90px' }} />
      </Group>
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {contacts.data ? `${plural(total, 'contact')} not in this campaign yet` : contacts.isPending ? 'Loading…' : ''}
      </Text>
      {contacts.isPending ? (
        <LoadingState label="Loading your contacts…" />
      ) : contacts.isError ? (
        <ErrorAlert title="Could not load your contacts" message={contacts.error.message} code={contacts.error.code} onRetry={() => void contacts.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {debouncedSearch || debouncedTag || debouncedState ? 'No contact matches these filters.' : 'Every contact you have is already in this campaign, or you have none yet.'}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label="Contacts to add" fz="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select every contact on this page"
                      checked={allOnPage}
                      onChange={() => {
                        const next = new Set(selected);
                        for (const id of pageIds) {
                          if (allOnPage) next.delete(id);
                          else next.add(id);
                        }
                        setSelected(next);
                      }}
                    />
                  </Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Phone</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>City</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => {
                  const name = `${c.firstName} ${c.lastName}`.trim() || c.emails[0] || c.phones[0]?.e164 || 'Unnamed contact';
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Checkbox aria-label={`Select ${name}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
                      </Table.Td>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{c.phones[0]?.e164 ?? '—'}</Table.Td>
                      <Table.Td>{c.emails[0] ?? '—'}</Table.Td>
                      <Table.Td>{c.propertyAddress?.city ?? '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > PAGE_SIZE ? (
            <Pagination
              size="sm"
              total={Math.ceil(total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': `${control} page of contacts` })}
              getItemProps={(p) => ({ 'aria-label': `Contacts page ${p}` })}
            />
          ) : null}
        </>
      )}
      {failure ? <ErrorAlert title="Could not add the contacts" message={toApiError(failure).message} code={toApiError(failure).code} /> : null}
      <Group gap="sm">
        <Button onClick={addSelected} disabled={selected.size === 0} loading={addIds.isPending}>
          {selected.size === 0 ? 'Add selected' : `Add ${plural(selected.size, 'selected contact')}`}
        </Button>
        <Button variant="default" onClick={addAll} disabled={total === 0} loading={addMatching.isPending}>
          {`Add all ${plural(total, 'matching contact')}`}
        </Button>
      </Group>
    </Stack>
  );
}

function SegmentPicker({ campaignId, onAdded }: ContactPickerProps) {
  const queryClient = useQueryClient();
  const segments = useListSegments({ limit: 100 });
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = useAddCampaignContacts();

  if (segments.isPending) return <LoadingState label="Loading your segments…" />;
  if (segments.isError) {
    return <ErrorAlert title="Could not load your segments" message={segments.error.message} code={segments.error.code} onRetry={() => void segments.refetch()} />;
  }
  if (segments.data.items.length === 0) {
    return (
      <Alert variant="light" color="gray" title="No saved segments yet">
        <Text size="sm">A segment is a saved filter (tags, listing status, consent…).</Text>
        <Anchor component={Link} to="/segments/new" size="sm">
          Build a segment
        </Anchor>
      </Alert>
    );
  }
  const submit = () => {
    if (!segmentId) {
      setError('Choose a segment.');
      return;
    }
    setError(null);
    add.mutate(
      { id: campaignId, data: { segmentId } },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: `Added ${plural(result.added, 'contact')} from the segment (${plural(result.matched, 'match', 'matches')}).` });
          void invalidateContactLists(queryClient);
          onAdded?.();
        },
      },
    );
  };
  return (
    <Stack gap="sm" maw={480}>
      <Select
        label="Segment"
        placeholder="Choose a saved segment"
        data={segments.data.items.map((s) => ({ value: s.id, label: s.name }))}
        value={segmentId}
        onChange={setSegmentId}
        error={error}
        searchable
      />
      {add.error ? <ErrorAlert title="Could not add the segment" message={toApiError(add.error).message} code={toApiError(add.error).code} /> : null}
      <Group>
        <Button onClick={submit} loading={add.isPending}>
          Add the segment’s contacts
        </Button>
      </Group>
    </Stack>
  );
}
