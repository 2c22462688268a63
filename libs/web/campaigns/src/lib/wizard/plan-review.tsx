import { usePlanCampaign } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Badge, Group, Pagination, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount, formatInZone, formatUsd, plural } from '../shared/format';
import { CHANNEL_LABELS, reasonLabel } from '../shared/labels';

const PLAN_PAGE_SIZE = 10;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The dry run: what would go to whom and when, what it costs, and who is left out and why. */
export function PlanReview({ campaignId }: { campaignId: string }) {
  const [page, setPage] = useState(1);
  const plan = usePlanCampaign(campaignId, { page, limit: PLAN_PAGE_SIZE }, { query: { placeholderData: keepPreviousData } });

  if (plan.isPending) return <LoadingState label="Working out the plan…" />;
  if (plan.isError) {
    return <ErrorAlert title="Could not work out the plan" message={plan.error.message} code={plan.error.code} onRetry={() => void plan.refetch()} />;
  }
  const { totals, items, total } = plan.data;
  if (totals.messages === 0) {
    return (
      <Text size="sm" c="dimmed" role="note">
        Nothing to plan yet: the campaign needs contacts and at least one saved message.
      </Text>
    );
  }
  return (
    <Stack gap="md" component="section" aria-label="Dry-run plan">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Contacts" value={formatCount(totals.contacts)} testId="plan-contacts" />
        <Figure label="Messages to send" value={formatCount(totals.sends)} testId="plan-sends" />
        <Figure label="Left out" value={formatCount(totals.excluded)} testId="plan-excluded" />
        <Figure label="Estimated cost" value={formatUsd(totals.estimatedCostUsd)} testId="plan-cost" />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Title order={3} fz="md" mb="xs">
            By channel
          </Title>
          <Table aria-label="Planned sends by channel" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Channel</Table.Th>
                <Table.Th ta="right">Sends</Table.Th>
                <Table.Th ta="right">Estimated cost</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.byChannel.map((c) => (
                <Table.Tr key={c.channel}>
                  <Table.Td>{CHANNEL_LABELS[c.channel]}</Table.Td>
                  <Table.Td ta="right">{formatCount(c.sends)}</Table.Td>
                  <Table.Td ta="right">{formatUsd(c.estimatedCostUsd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Title order={3} fz="md" mb="xs">
            Left out, and why
          </Title>
          {totals.excludedByReason.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody is left out.
            </Text>
          ) : (
            <Table aria-label="Exclusions by reason" fz="sm">
              <Table.Tbody>
                {totals.excludedByReason.map((r) => (
                  <Table.Tr key={r.reasonCode}>
                    <Table.Td>{reasonLabel(r.reasonCode)}</Table.Td>
                    <Table.Td ta="right">{plural(r.count, 'message')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </SimpleGrid>

      <div>
        <Title order={3} fz="md" mb="xs">
          Per contact
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Plan per contact" fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Variant</Table.Th>
                <Table.Th>Planned for (their time)</Table.Th>
                <Table.Th ta="right">Cost</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.contactId}-${item.strategyId}-${item.step}`}>
                  <Table.Td>{item.contactName || 'Unnamed contact'}</Table.Td>
                  <Table.Td>
                    {CHANNEL_LABELS[item.channel]}
                    {item.step > 0 ? ` · step ${item.step + 1}` : ''}
                  </Table.Td>
                  <Table.Td>{item.variant}</Table.Td>
                  <Table.Td>
                    {item.outcome === 'excluded' ? (
                      <Badge color="red" variant="light">
                        Not sent
                      </Badge>
                    ) : (
                      formatInZone(item.plannedAt, item.timeZone)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{item.outcome === 'excluded' ? '—' : formatUsd(item.estimatedCostUsd)}</Table.Td>
                  <Table.Td>{item.reasonCode ? (item.reason ?? reasonLabel(item.reasonCode)) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {total > PLAN_PAGE_SIZE ? (
          <Group mt="sm">
            <Pagination
              size="sm"
              total={Math.ceil(total / PLAN_PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': `${control} page of the plan` })}
              getItemProps={(p) => ({ 'aria-label': `Plan page ${p}` })}
            />
          </Group>
        ) : null}
      </div>
    </Stack>
  );
}
