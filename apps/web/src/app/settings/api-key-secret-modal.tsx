import type { CreatedApiKeyResponseDto } from '@cadence/web-api-client';
import { OneTimeSecret } from '@cadence/web-ui';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** Shows a new key's secret. The parent forgets the secret when this closes, so it is seen only once. */
export function ApiKeySecretModal({ apiKey, onClose }: { apiKey: CreatedApiKeyResponseDto | null; onClose: () => void }) {
  return (
    <Modal
      opened={apiKey !== null}
      onClose={onClose}
      title="Your new API key"
      size="lg"
      closeOnClickOutside={false}
    >
      {apiKey ? (
        <Stack>
          <Text size="sm">
            <strong>{apiKey.name}</strong> was created. Send it as <code>X-API-Key</code> header (or{' '}
            <code>Authorization: Bearer</code>) with every API call.
          </Text>
          <OneTimeSecret secret={apiKey.secret} label="API key secret" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              I have stored it — close
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
