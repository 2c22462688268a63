import { useRevokeApiKey } from '@cadence/web-api-client';
import type { ApiKeyResponseDto } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';

export function RevokeApiKeyModal({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKeyResponseDto | null;
  onClose: () => void;
  onRevoked: (key: ApiKeyResponseDto) => void;
}) {
  const revoke = useRevokeApiKey();
  const { reset } = revoke;

  useEffect(() => {
    if (apiKey) reset();
  }, [apiKey, reset]);

  const confirm = () => {
    if (!apiKey) return;
    revoke.mutate({ id: apiKey.id }, { onSuccess: () => onRevoked(apiKey) });
  };

  return (
    <Modal opened={apiKey !== null} onClose={onClose} title="Revoke API key?">
      {apiKey ? (
        <Stack>
          <Text size="sm">
            Anything that uses <strong>{apiKey.name}</strong> (<Code>{apiKey.prefix}…</Code>) stops working at once.
            This cannot be undone.
          </Text>
          {revoke.error ? (
            <ErrorAlert title="Could not revoke the key" message={revoke.error.message} code={revoke.error.code} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={revoke.isPending}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={revoke.isPending} data-autofocus>
              Revoke key
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
