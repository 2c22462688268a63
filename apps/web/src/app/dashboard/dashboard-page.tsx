import { useMe } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';

export function DashboardPage() {
  useDocumentTitle('Dashboard · Cadence');
  const me = useMe();

  if (me.isPending) return <LoadingState label="Loading your account…" />;
  if (me.isError) {
    return (
      <ErrorAlert
        title="Could not load your account"
        message={me.error.message}
        code={me.error.code}
        onRetry={() => void me.refetch()}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={`Welcome, ${me.data.name}`}
        description="Your campaign overview will appear here as campaigns, contacts and analytics arrive."
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder p="lg">
          <Title order={2} fz="lg">
            Campaign overview
          </Title>
          <Text size="sm" c="dimmed" mt="xs">
            Active campaigns, touches sent and responses — coming with the analytics module.
          </Text>
        </Paper>
        <Paper withBorder p="lg">
          <Title order={2} fz="lg">
            Connect other tools
          </Title>
          <Text size="sm" c="dimmed" mt="xs">
            Integrations call the Cadence API with an API key.{' '}
            <Anchor component={Link} to="/settings/api-keys">
              Manage API keys
            </Anchor>
          </Text>
        </Paper>
      </SimpleGrid>
    </>
  );
}
