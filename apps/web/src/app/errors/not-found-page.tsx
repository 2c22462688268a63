import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { useHasSession } from '../auth/session';

export function NotFoundPage() {
  useDocumentTitle('Page not found · Cadence');
  const { pathname } = useLocation();
  const hasSession = useHasSession();
  return (
    <Center mih="100dvh" p="md" component="main">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Text fw={800} fz={64} c="indigo.2" aria-hidden>
          404
        </Text>
        <Title order={1} fz={24}>
          Page not found
        </Title>
        <Text c="dimmed">
          There is no page at <Code>{pathname}</Code>. Check the address, or go back to{' '}
          {hasSession ? 'your dashboard' : 'the sign-in page'}.
        </Text>
        <Button component={Link} to={hasSession ? '/dashboard' : '/login'} mt="sm">
          {hasSession ? 'Go to the dashboard' : 'Go to sign in'}
        </Button>
      </Stack>
    </Center>
  );
}
