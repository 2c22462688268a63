import { downloadImportErrors, useGetCampaign, useGetImport } from '@cadence/web-api-client';
import type { ImportBatchDetailResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { toApiError } from '../shared/api-error';
import { formatCount, formatDateTime } from '../shared/format';
import { saveFile } from './download';
import { ImportProgressPanel } from './import-progress-panel';

export const POLL_INTERVAL_MS = 1000;

function isRunning(batch: ImportBatchDetailResponseDto | undefined): boolean {
  return !batch || batch.status === 'queued' || batch.status === 'processing';
}

function Count({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fz={24} fw={700} component="dd" m={0}>
        {formatCount(value)}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

function RowErrors({ batch }: { batch: ImportBatchDetailResponseDto }) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const download = useMutation({
    mutationFn: async () => {
      const csv = await downloadImportErrors(batch.id, { headers: { Accept: 'text/csv' } });
      const base = (batch.fileName ?? 'import').replace(/\.[^.]+$/, '');
      saveFile(csv, `${base}-errors.csv`, 'text/csv;charset=utf-8');
    },
  });
  const total = batch.counts.rowErrors;
  if (total === 0) return <Text size="sm">No row had a problem.</Text>;
  const shown = batch.firstErrors.length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {formatCount(total)} problem{total === 1 ? '' : 's'} found
          {shown < total ? `; the first ${formatCount(shown)} are shown here` : ''}.
        </Text>
        <Button variant="default" size="sm" onClick={() => download.mutate()} loading={download.isPending}>
          Download error rows (CSV)
        </Button>
      </Group>
      {download.error ? (
        <ErrorAlert
          title="Could not download the error rows"
          message={toApiError(download.error).message}
          code={toApiError(download.error).code}
          onRetry={() => download.mutate()}
        />
      ) : null}
      {narrow ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Row errors">
          {batch.firstErrors.map((error, index) => (
            <Paper key={`${error.rowNumber}-${error.column}-${index}`} withBorder p="xs" component="li">
              <Text size="sm" fw={600}>
                Row {error.rowNumber}
                {error.column ? ` · ${error.column}` : ''}
              </Text>
              <Text size="sm">{error.reason}</Text>
              {error.value ? (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  Value: {error.value}
                </Text>
              ) : null}
              <Text size="xs" c={error.rowImported ? 'dimmed' : 'red'}>
                {error.rowImported ? 'Row imported without this value' : 'Row not imported'}
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label="Row errors" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Row</Table.Th>
                <Table.Th scope="col">Column</Table.Th>
                <Table.Th scope="col">Value</Table.Th>
                <Table.Th scope="col">Problem</Table.Th>
                <Table.Th scope="col">Row imported</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batch.firstErrors.map((error, index) => (
                <Table.Tr key={`${error.rowNumber}-${error.column}-${index}`}>
                  <Table.Td>{error.rowNumber}</Table.Td>
                  <Table.Td>{error.column || 'Whole row'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.value}</Table.Td>
                  <Table.Td>{error.reason}</Table.Td>
                  <Table.Td>{error.rowImported ? 'Yes, without this value' : <Text span c="red" size="sm">No</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * One import: polls GET /v1/imports/:id while it runs (the id is in the address, so a reload picks
 * it up again), then shows the counts and the rows that had problems.
 */
export function ImportPage() {
  const { importId = '' } = useParams();
  const batch = useGetImport(importId, {
    query: {
      refetchInterval: (query) => (isRunning(query.state.data) && !query.state.error ? POLL_INTERVAL_MS : false),
      refetchIntervalInBackground: true,
      staleTime: 0,
    },
  });
  const data = batch.data;
  useDocumentTitle(`${data?.fileName ?? 'Import'} · Cadence`);

  const campaignId = data?.campaignId ?? null;
  const campaign = useGetCampaign(campaignId ?? '', { query: { enabled: campaignId !== null } });
  const campaignName = campaign.data?.name ?? null;

  const back = (
    <Anchor component={Link} to="/imports" size="sm">
      ← All imports
    </Anchor>
  );

  if (batch.isPending) {
    return (
      <>
        {back}
        <LoadingState label="Loading the import…" />
      </>
    );
  }
  if (batch.isError && !data) {
    return (
      <Stack>
        {back}
        <ErrorAlert
          title={batch.error.statusCode === 404 ? 'This import does not exist' : 'Could not load the import'}
          message={batch.error.message}
          code={batch.error.code}
          onRetry={batch.error.statusCode === 404 ? undefined : () => void batch.refetch()}
        />
      </Stack>
    );
  }
  if (!data) return null;

  const contactsLink = campaignId
    ? `/contacts?${new URLSearchParams({ campaignId, ...(campaignName ? { campaignName } : {}) }).toString()}`
    : '/contacts';

  return (
    <>
      {back}
      <PageHeader
        title={data.fileName ? `Import of ${data.fileName}` : 'Import'}
        description={`Started ${formatDateTime(data.createdAt)}${data.completedAt ? ` · finished ${formatDateTime(data.completedAt)}` : ''}`}
        actions={
          <Button component={Link} to="/imports/new" variant="default">
            Import another file
          </Button>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="import-progress-heading">
          <Title order={2} fz="lg" mb="md" id="import-progress-heading">
            Progress
          </Title>
          <ImportProgressPanel batch={data} />
          {isRunning(data) ? (
            <Text size="xs" c="dimmed" mt="sm">
              You can leave this page: the import keeps running, and this page picks it up again when you come back.
            </Text>
          ) : null}
          {batch.isError ? (
            <Alert color="yellow" variant="light" mt="sm" role="status">
              Lost contact with the server ({batch.error.message}); showing the last progress received.
              <Button size="xs" variant="outline" color="yellow" ml="sm" onClick={() => void batch.refetch()}>
                Try again
              </Button>
            </Alert>
          ) : null}
        </Paper>

        {data.status === 'failed' ? (
          <ErrorAlert
            title="The import stopped"
            message={data.failureMessage ?? 'The import failed.'}
            code={data.failureCode ?? undefined}
          />
        ) : null}

        {data.status === 'completed' || data.status === 'failed' ? (
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="import-results-heading">
            <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
              <Title order={2} fz="lg" id="import-results-heading">
                Results
              </Title>
              <Group gap="sm">
                {data.counts.created > 0 ? (
                  <Button component={Link} to={`/contacts?importBatchId=${data.id}`} variant="default">
                    Contacts this import created
                  </Button>
                ) : null}
                <Button component={Link} to={contactsLink}>
                  {campaignId ? `View the contacts of ${campaignName ? `“${campaignName}”` : 'the campaign'}` : 'View contacts'}
                </Button>
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" component="dl" m={0}>
              <Count label="Created" value={data.counts.created} />
              <Count label="Updated" value={data.counts.updated} />
              <Count label="Merged" value={data.counts.duplicates} hint="Repeated an earlier row" />
              <Count label="Skipped" value={data.counts.skipped} hint="By your duplicate rule" />
              <Count label="Not imported" value={data.counts.failed} />
              <Count label="Problems" value={data.counts.rowErrors} />
            </SimpleGrid>
          </Paper>
        ) : null}

        {data.counts.rowErrors > 0 || data.status === 'completed' ? (
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="import-errors-heading">
            <Title order={2} fz="lg" mb="md" id="import-errors-heading">
              Rows with problems
            </Title>
            <RowErrors batch={data} />
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
