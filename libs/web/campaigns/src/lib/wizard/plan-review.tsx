import type { PlanItemResponseDto, StrategyResponseDto } from '@cadence/web-api-client';
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

/** How many of the page's rows, from each one on, belong to the same contact (0 for the rows after the first). */
function contactRuns(items: readonly PlanItemResponseDto[]): number[] {
  return items.map((item, i) => {
    if (i > 0 && items[i - 1].contactId === item.contactId) return 0;
    let end = i + 1;
    while (end < items.length && items[end].contactId === item.contactId) end += 1;
    return end - i;
  });
}

export interface PlanReviewProps {
  campaignId: string;
  /** The campaign's strategies, to say "step 2 of 3"; without them a later step still shows its number. */
  strategies?: readonly StrategyResponseDto[];
}

/**
 * The dry run: what would go to whom and when, what it costs, and who is left out and why. A contact's
 * rows (every step of every strategy) sit together under one name, so a sequence reads as a timeline.
 */
export function PlanReview({ campaignId, strategies = [] }: PlanReviewProps) {
  const [page, setPage] = useState(1);
  const plan = usePlanCampaign(campaignId, { page, limit: PLAN_PAGE_SIZE }, { query: { placeholderData: keepPreviousData } });

  if (plan.isPending) return <LoadingState label="Working out the plan…" />;
  if (plan.isError) {
    return <ErrorAlert title="Could not work out the plan" message={plan.error.message} code={plan.error.code} onRetry={() => void plan.refetch()} />;
  }
  const { totals, items, total } = plan.data;
  const runs = contactRuns(items);
  const stepsOf = (strategyId: string) => strategies.find((s) => s.id === strategyId)?.steps.length ?? 0;
  const stepLabel = (item: PlanItemResponseDto) => {
    const count = stepsOf(item.strategyId);
    if (count > 1) return ` · step ${item.step + 1} of ${count}`;
    return item.step > 0 ? ` · step ${item.step + 1}` : '';
  };
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
                <Table.Th>Message</Table.Th>
                <Table.Th>Variant</Table.Th>
                <Table.Th>Planned for (their time)</Table.Th>
                <Table.Th ta="right">Cost</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, i) => (
                <Table.Tr key={`${item.contactId}-${item.strategyId}-${item.step}`}>
                  {runs[i] > 0 ? (
                    <Table.Td rowSpan={runs[i]} style={{ verticalAlign: 'top' }}>
                      {item.contactName || 'Unnamed contact'}
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    {CHANNEL_LABELS[item.channel]}
                    {stepLabel(item)}
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
