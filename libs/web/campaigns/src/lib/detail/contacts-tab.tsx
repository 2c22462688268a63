import type { MemberChannelProgressResponseDto } from '@cadence/web-api-client';
import { useListCampaignContacts, useRemoveCampaignContacts } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Anchor, Badge, Button, Checkbox, EmptyState, Group, Modal, Pagination, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../shared/api-error';
import { formatDate, plural } from '../shared/format';
import { invalidateCampaigns } from '../shared/query-keys';
import { DELIVERY_COLORS, DELIVERY_LABELS, reasonLabel } from '../shared/labels';
import { ContactPicker } from '../wizard/contact-picker';

const PAGE_SIZE = 25;

/**
 * A channel's status, and on a line under it why it was skipped, deferred, failed or cancelled: the
 * API's own sentence (it names the hour a deferral waits for), else the reason code in words. A line,
 * not a tooltip, so it reads on a phone too.
 */
function ChannelProgressCell({ progress }: { progress: MemberChannelProgressResponseDto }) {
  const why = progress.reason ?? (progress.reasonCode ? reasonLabel(progress.reasonCode) : null);
  return (
    <Stack gap={2} align="flex-start">
      <Badge size="sm" variant="light" color={DELIVERY_COLORS[progress.status]}>
        {DELIVERY_LABELS[progress.status]}
      </Badge>
      {why ? (
        <Text size="xs" c="dimmed" maw={220}>
          {why}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The campaign's members with where each channel stands for them; add more, or take some out. */
export function ContactsTab({ campaignId, canAdd }: { campaignId: string; canAdd: boolean }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const members = useListCampaignContacts(campaignId, { page, limit: PAGE_SIZE }, { query: { placeholderData: keepPreviousData } });
  const remove = useRemoveCampaignContacts();
  const total = members.data?.total ?? 0;
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const confirmRemove = () =>
    remove.mutate(
      { id: campaignId, data: { contactIds: [...selected] } },
      {
        onSuccess: (result) => {
          setConfirming(false);
          setSelected(new Set());
          notifications.show({
            color: 'teal',
            message: `Removed ${plural(result.removed, 'contact')}${result.cancelledExecutions ? `; ${plural(result.cancelledExecutions, 'pending send')} cancelled` : ''}.`,
          });
          void invalidateCampaigns(queryClient);
        },
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status">
          {members.data ? plural(total, 'contact') : ''}
        </Text>
        <Group gap="xs">
          {selected.size > 0 ? (
            <Button color="red" variant="light" onClick={() => setConfirming(true)}>
              {`Remove ${plural(selected.size, 'contact')}`}
            </Button>
          ) : null}
          {canAdd ? <Button onClick={() => setAdding(true)}>Add contacts</Button> : null}
        </Group>
      </Group>
      {members.isPending ? (
        <LoadingState label="Loading the campaign's contacts…" />
      ) : members.isError ? (
        <ErrorAlert title="Could not load the campaign's contacts" message={members.error.message} code={members.error.code} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyState title="No contacts in this campaign" description="Add contacts from your CRM, a saved segment or an import." />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Campaign contacts" fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <VisuallyHidden>Select</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>SMS</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Voicemail</Table.Th>
                  <Table.Th>Added</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((m) => (
                  <Table.Tr key={m.contactId}>
                    <Table.Td>
                      <Checkbox aria-label={`Select ${`${m.firstName} ${m.lastName}`.trim() || 'unnamed contact'}`} checked={selected.has(m.contactId)} onChange={() => toggle(m.contactId)} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/contacts/${m.contactId}`} size="sm">
                        {`${m.firstName} ${m.lastName}`.trim() || 'Unnamed contact'}
                      </Anchor>
                      {m.status !== 'active' ? (
                        <Badge size="xs" variant="outline" ml="xs">
                          {m.status}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <ChannelProgressCell progress={m.channels.sms} />
                    </Table.Td>
                    <Table.Td>
                      <ChannelProgressCell progress={m.channels.email} />
                    </Table.Td>
                    <Table.Td>
                      <ChannelProgressCell progress={m.channels.voicemail} />
                    </Table.Td>
                    <Table.Td>{formatDate(m.addedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > PAGE_SIZE ? (
            <Pagination
              total={Math.ceil(total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            />
          ) : null}
        </>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Remove from the campaign?">
        <Stack gap="sm">
          <Text size="sm">
            {`${plural(selected.size, 'contact')} will leave the campaign; their sends that have not happened yet are cancelled. The contacts stay in your CRM.`}
          </Text>
          {remove.error ? <ErrorAlert title="Could not remove the contacts" message={toApiError(remove.error).message} code={toApiError(remove.error).code} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={confirmRemove} loading={remove.isPending}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add contacts" size="xl">
        <ContactPicker campaignId={campaignId} />
      </Modal>
    </Stack>
  );
}
