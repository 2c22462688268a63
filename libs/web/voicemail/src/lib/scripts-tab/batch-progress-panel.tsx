import { isApiError, useCancelVoicemailBatch, type VoicemailBatchResponseDto } from '@cadence/web-api-client';
import { Badge, Box, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BATCH_COLORS, BATCH_LABELS, formatSeconds, formatUsd } from '../shared/format';

export interface BatchFigures {
  percent: number;
  countText: string;
  outcomeText: string;
  etaText: string;
  costText: string;
}

/** What the panel prints for a batch (kept apart so it can be tested as text). */
export function batchFigures(batch: VoicemailBatchResponseDto): BatchFigures {
  const noun = batch.kind === 'scripts' ? 'scripts' : 'recordings';
  let etaText: string;
  if (batch.status === 'completed') etaText = 'Done';
  else if (batch.status === 'queued') etaText = 'Waiting for a worker';
  else if (batch.status !== 'running') etaText = '—';
  else if (batch.cancelRequested) etaText = 'Stopping after the current page';
  else if (batch.etaSeconds === null) etaText = 'Estimating…';
  else etaText = batch.etaSeconds <= 1 ? 'Almost done' : `${formatSeconds(batch.etaSeconds)} left`;
  const parts = [`${batch.succeeded} done`, `${batch.failed} failed`];
  if (batch.skipped > 0) parts.push(`${batch.skipped} already had one`);
  return {
    percent: batch.percentage,
    countText: `${batch.current} of ${batch.total} ${noun}`,
    outcomeText: parts.join(' · '),
    etaText,
    costText: batch.status === 'completed' || batch.actualUsd > 0 ? `${formatUsd(batch.actualUsd)} spent (estimate ${formatUsd(batch.estimatedUsd)})` : `estimate ${formatUsd(batch.estimatedUsd)}`,
  };
}

export function isOpen(batch: VoicemailBatchResponseDto | null | undefined): boolean {
  return batch?.status === 'queued' || batch?.status === 'running';
}

/** Bar, counts, time left and cost of one batch, read from the API so it survives a reload. */
export function BatchProgressPanel({ batch, onChanged }: { batch: VoicemailBatchResponseDto; onChanged?: () => void }) {
  const figures = batchFigures(batch);
  const running = isOpen(batch);
  const cancel = useCancelVoicemailBatch({
    mutation: {
      onSuccess: () => onChanged?.(),
      onError: (error) => notifications.show({ color: 'red', title: 'Could not cancel', message: isApiError(error) ? error.message : 'Try again' }),
    },
  });
  const title = batch.kind === 'scripts' ? 'Script generation' : 'Audio generation';
  return (
    <Stack gap="xs" data-testid={`batch-${batch.kind}`}>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{title}</Text>
          <Badge color={BATCH_COLORS[batch.status]} variant="light" role="status" aria-live="polite">
            {BATCH_LABELS[batch.status]}
          </Badge>
        </Group>
        {running && !batch.cancelRequested ? (
          <Button size="xs" variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ batchId: batch.id })}>
            Cancel
          </Button>
        ) : null}
      </Group>
      <Box role="progressbar" aria-label={`${title} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={figures.percent} aria-valuetext={`${figures.percent}% · ${figures.countText}`}>
        <Progress.Root size="lg" radius="md">
          <Progress.Section value={figures.percent} withAria={false} striped={running} animated={running} color={batch.status === 'failed' ? 'red' : batch.status === 'completed' ? 'teal' : 'indigo'} />
        </Progress.Root>
      </Box>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Text size="sm" data-testid="batch-count">
          {figures.countText}
        </Text>
        <Text size="sm" c="dimmed" data-testid="batch-outcome">
          {figures.outcomeText}
        </Text>
        <Text size="sm" data-testid="batch-eta">
          {figures.etaText}
        </Text>
      </SimpleGrid>
      <Text size="xs" c="dimmed" data-testid="batch-cost">
        {figures.costText}
      </Text>
      {batch.error ? (
        <Text size="sm" c="red">
          {batch.error}
        </Text>
      ) : null}
    </Stack>
  );
}
