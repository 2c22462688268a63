import { useListImports } from '@cadence/web-api-client';
import type { ImportBatchResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Anchor, Badge, Button, Card, EmptyState, Group, Pagination, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatCount, formatDateTime } from '../shared/format';
import { IMPORT_STATUS_COLORS, IMPORT_STATUS_LABELS } from '../shared/labels';

const PAGE_SIZE = 20;

function name(batch: ImportBatchResponseDto): string {
  if (batch.fileName) return batch.fileName;
  return batch.origin === 'google-people' ? 'Google Contacts' : batch.origin === 'mojo-dialer' ? 'Mojo Dialer list' : 'Import';
}

function outcome(batch: ImportBatchResponseDto): string {
  if (batch.status === 'failed') return batch.failureMessage ?? 'Failed';
  if (batch.status !== 'completed') {
    return batch.progress.total !== null
      ? `${formatCount(batch.progress.processed)} of ${formatCount(batch.progress.total)} rows`
      : `${formatCount(batch.progress.processed)} rows`;
  }
  const { created, updated, failed } = batch.counts;
  return `${formatCount(created)} created · ${formatCount(updated)} updated · ${formatCount(failed)} not imported`;
}

function StatusBadge({ batch }: { batch: ImportBatchResponseDto }) {
  return (
    <Badge color={IMPORT_STATUS_COLORS[batch.status]} variant="light">
      {IMPORT_STATUS_LABELS[batch.status]}
    </Badge>
  );
}

/** Past and running imports, newest first; a running one keeps refreshing here too. */
export function ImportsPage() {
  useDocumentTitle('Imports · Cadence');
  const narrow = useMediaQuery('(max-width: 48em)');
  const [page, setPage] = useState(1);
  const imports = useListImports(
    { page, limit: PAGE_SIZE },
    {
      query: {
        placeholderData: keepPreviousData,
        refetchInterval: (query) =>
          query.state.data?.items.some((b) => b.status === 'queued' || b.status === 'processing') ? 2000 : false,
      },
    },
  );
  const totalPages = imports.data ? Math.max(1, Math.ceil(imports.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring contacts in from spreadsheets and dialer exports, then follow each import’s progress and problems."
        actions={
          <Button component={Link} to="/imports/new">
            New import
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Import history">
        {imports.isPending ? (
          <LoadingState label="Loading imports…" />
        ) : imports.isError ? (
          <ErrorAlert
            title="Could not load your imports"
            message={imports.error.message}
            code={imports.error.code}
            onRetry={() => void imports.refetch()}
          />
        ) : imports.data.items.length === 0 ? (
          <EmptyState title="No imports yet" description="Upload a CSV, Excel, vCard or dialer export to add contacts.">
            <EmptyState.Actions>
              <Button component={Link} to="/imports/new">
                Import contacts
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <Stack>
            {narrow ? (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Imports">
                {imports.data.items.map((batch) => (
                  <Card key={batch.id} withBorder component="li" padding="sm">
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Anchor component={Link} to={`/imports/${batch.id}`} fw={600} truncate>
                        {name(batch)}
                      </Anchor>
                      <StatusBadge batch={batch} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(batch.createdAt)}
                    </Text>
                    <Text size="sm" mt={4}>
                      {outcome(batch)}
                    </Text>
                  </Card>
                ))}
              </Stack>
            ) : (
              <Table verticalSpacing="sm" highlightOnHover aria-label="Imports">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">File</Table.Th>
                    <Table.Th scope="col">Started</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Outcome</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {imports.data.items.map((batch) => (
                    <Table.Tr key={batch.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/imports/${batch.id}`} fw={500} size="sm">
                          {name(batch)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDateTime(batch.createdAt)}</Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          <StatusBadge batch={batch} />
                          {batch.status === 'processing' && batch.progress.percentage !== null ? (
                            <Progress value={batch.progress.percentage} size="sm" w={120} aria-label={`${name(batch)} progress`} />
                          ) : null}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{outcome(batch)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {totalPages > 1 ? (
              <Pagination
                total={totalPages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              />
            ) : null}
          </Stack>
        )}
      </Paper>
    </>
  );
}
