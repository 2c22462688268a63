import { Center, Loader, Stack, Text } from '@mantine/core';

export interface LoadingStateProps {
  /** Announced to screen readers and shown under the spinner. */
  label: string;
}

export function LoadingState({ label }: LoadingStateProps) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}
