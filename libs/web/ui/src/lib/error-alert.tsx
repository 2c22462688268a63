import { Alert, Button, Group, Text } from '@mantine/core';

export interface ErrorAlertProps {
  /** What failed, in the user's words ("Could not load your API keys"). */
  title: string;
  /** The API's message. */
  message: string;
  /** The API's stable error code, shown so support can find the case. */
  code?: string;
  onRetry?: () => void;
}

/** A failed request: the API's message and code, and a way to try again where that makes sense. */
export function ErrorAlert({ title, message, code, onRetry }: ErrorAlertProps) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {code ? (
        <Text size="xs" c="dimmed" mt={4}>
          Error code: <Text span ff="monospace" size="xs">{code}</Text>
        </Text>
      ) : null}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
