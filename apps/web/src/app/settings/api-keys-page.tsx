import { getListApiKeysQueryKey, useListApiKeys } from '@cadence/web-api-client';
import type { ApiKeyResponseDto, CreatedApiKeyResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { EmptyState, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiKeyList } from './api-key-list';
import { ApiKeySecretModal } from './api-key-secret-modal';
import { CreateApiKeyForm } from './create-api-key-form';
import { RevokeApiKeyModal } from './revoke-api-key-modal';

const PAGE_SIZE = 20;

export function ApiKeysPage() {
  useDocumentTitle('API keys · Cadence');
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const keys = useListApiKeys({ page, limit: PAGE_SIZE }, { query: { placeholderData: keepPreviousData } });
  // Held only while the modal is open: closing it drops the secret for good.
  const [created, setCreated] = useState<CreatedApiKeyResponseDto | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiKeyResponseDto | null>(null);

  const refreshList = () => queryClient.invalidateQueries({ queryKey: getListApiKeysQueryKey() });

  const onCreated = (key: CreatedApiKeyResponseDto) => {
    setCreated(key);
    void refreshList();
  };

  const onRevoked = (key: ApiKeyResponseDto) => {
    setToRevoke(null);
    if (keys.data && keys.data.items.length === 1 && page > 1) setPage(page - 1);
    void refreshList();
    notifications.show({ color: 'teal', message: `API key “${key.name}” was revoked.` });
  };

  const totalPages = keys.data ? Math.max(1, Math.ceil(keys.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let other systems (your CRM, Zapier, a dialer) call the Cadence API on your behalf. Each key is shown once, when you create it."
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="create-key-heading">
          <Title order={2} fz="lg" mb="md" id="create-key-heading">
            Create an API key
          </Title>
          <CreateApiKeyForm onCreated={onCreated} />
        </Paper>

        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="key-list-heading">
          <Group justify="space-between" mb="md">
            <Title order={2} fz="lg" id="key-list-heading">
              Your API keys
            </Title>
            {keys.data ? (
              <Text size="sm" c="dimmed">
                {keys.data.total} {keys.data.total === 1 ? 'key' : 'keys'}
              </Text>
            ) : null}
          </Group>
          {keys.isPending ? (
            <LoadingState label="Loading API keys…" />
          ) : keys.isError ? (
            <ErrorAlert
              title="Could not load your API keys"
              message={keys.error.message}
              code={keys.error.code}
              onRetry={() => void keys.refetch()}
            />
          ) : keys.data.items.length === 0 ? (
            <EmptyState
              title="No API keys yet"
              description="Create one above when an integration needs to reach the Cadence API."
            />
          ) : (
            <Stack>
              <ApiKeyList keys={keys.data.items} onRevoke={setToRevoke} />
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
      </Stack>

      <ApiKeySecretModal apiKey={created} onClose={() => setCreated(null)} />
      <RevokeApiKeyModal apiKey={toRevoke} onClose={() => setToRevoke(null)} onRevoked={onRevoked} />
    </>
  );
}
