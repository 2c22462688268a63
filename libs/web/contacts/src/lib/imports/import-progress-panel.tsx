import type { ImportBatchResponseDto } from '@cadence/web-api-client';
import { Badge, Box, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatCount, formatDuration } from '../shared/format';
import { IMPORT_STATUS_COLORS, IMPORT_STATUS_LABELS } from '../shared/labels';

export interface ProgressFigures {
  /** 0–100, or null while the total is unknown. */
  percent: number | null;
  processedText: string;
  rateText: string;
  etaText: string;
}

/** What the panel prints, from the batch the API returned (kept apart so it can be tested as text). */
export function progressFigures(batch: Pick<ImportBatchResponseDto, 'status' | 'progress'>): ProgressFigures {
  const { processed, total, percentage, rowsPerSecond, etaSeconds } = batch.progress;
  const percent =
    batch.status === 'completed' ? 100 : percentage !== null ? percentage : total ? Math.min(100, (processed / total) * 100) : null;
  const processedText = total !== null ? `${formatCount(processed)} of ${formatCount(total)} rows` : `${formatCount(processed)} rows`;
  const rateText = rowsPerSecond ? `${formatCount(rowsPerSecond)} rows/s` : '—';
  let etaText: string;
  if (batch.status === 'completed') etaText = 'Done';
  else if (batch.status === 'failed') etaText = '—';
  else if (batch.status === 'queued') etaText = 'Waiting to start';
  else if (etaSeconds === null) etaText = 'Estimating…';
  else etaText = etaSeconds <= 1 ? 'Almost done' : `${formatDuration(etaSeconds)} left`;
  return { percent, processedText, rateText, etaText };
}

/** The live panel: bar, processed/total, rate and time left. Screen readers hear the status changes. */
export function ImportProgressPanel({ batch }: { batch: ImportBatchResponseDto }) {
  const figures = progressFigures(batch);
  const running = batch.status === 'queued' || batch.status === 'processing';
  const rounded = figures.percent === null ? null : Math.floor(figures.percent * 10) / 10;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Badge color={IMPORT_STATUS_COLORS[batch.status]} size="lg" variant="light" role="status" aria-live="polite">
          {IMPORT_STATUS_LABELS[batch.status]}
        </Badge>
        <Text size="sm" fw={600}>
          {rounded === null ? '' : `${rounded}%`}
        </Text>
      </Group>
      {/* The whole track carries the progressbar role, so it is found and read even at 0%. */}
      <Box
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded ?? undefined}
        aria-valuetext={rounded === null ? figures.processedText : `${rounded}% · ${figures.processedText}`}
      >
        <Progress.Root size="xl" radius="md">
          <Progress.Section
            value={figures.percent ?? 0}
            withAria={false}
            striped={running}
            animated={running}
            color={batch.status === 'failed' ? 'red' : batch.status === 'completed' ? 'teal' : 'indigo'}
          />
        </Progress.Root>
      </Box>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" component="dl" m={0}>
        <div>
          <Text size="xs" c="dimmed" component="dt">
            Processed
          </Text>
          <Text size="sm" fw={600} component="dd" m={0} data-testid="import-processed">
            {figures.processedText}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" component="dt">
            Rate
          </Text>
          <Text size="sm" fw={600} component="dd" m={0} data-testid="import-rate">
            {figures.rateText}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" component="dt">
            Time left
          </Text>
          <Text size="sm" fw={600} component="dd" m={0} data-testid="import-eta">
            {figures.etaText}
          </Text>
        </div>
      </SimpleGrid>
    </Stack>
  );
}
