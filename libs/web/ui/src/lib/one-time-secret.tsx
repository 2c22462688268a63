import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

export interface OneTimeSecretProps {
  /** The secret to show; the caller drops it once the user moves on. */
  secret: string;
  /** What the secret is, e.g. "API key secret". */
  label: string;
}

/** A secret that is shown once: the value, a copy button and the warning that it will not come back. */
export function OneTimeSecret({ secret, label }: OneTimeSecretProps) {
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title="Copy it now" role="note">
        This is the only time the {label} is shown. Store it somewhere safe: if you lose it,
        revoke the key and create a new one.
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="one-time-secret-label">
          {label}
        </Text>
        <Code
          block
          aria-labelledby="one-time-secret-label"
          data-testid="one-time-secret"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {secret}
        </Code>
      </Stack>
      <Group>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Button onClick={copy} color={copied ? 'teal' : undefined} variant={copied ? 'light' : 'filled'}>
              {copied ? 'Copied' : 'Copy to clipboard'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
