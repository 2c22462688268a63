import type { ApiKeyResponseDto } from '@cadence/web-api-client';
import { Badge, Button, Card, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatDateTime } from './format';
import { SCOPE_LABELS } from './scope-labels';

interface ApiKeyListProps {
  keys: ApiKeyResponseDto[];
  onRevoke: (key: ApiKeyResponseDto) => void;
}

function ScopeBadge({ scope }: { scope: ApiKeyResponseDto['scope'] }) {
  return (
    <Badge variant="light" color={scope === 'read' ? 'gray' : 'orange'}>
      {SCOPE_LABELS[scope].label}
    </Badge>
  );
}

/** A table on wide screens; on a phone, one card per key, so nothing has to scroll sideways. */
export function ApiKeyList({ keys, onRevoke }: ApiKeyListProps) {
  const narrow = useMediaQuery('(max-width: 48em)');

  if (narrow) {
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="API keys">
        {keys.map((key) => (
          <Card key={key.id} withBorder component="li" padding="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} miw={0}>
                <Text fw={600} truncate>
                  {key.name}
                </Text>
                <Code>{key.prefix}…</Code>
              </Stack>
              <ScopeBadge scope={key.scope} />
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              Created {formatDateTime(key.createdAt)} · Last used{' '}
              {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'never'}
            </Text>
            <Group justify="flex-end" mt="sm">
              <Button size="xs" color="red" variant="light" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                Revoke
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table verticalSpacing="sm" highlightOnHover aria-label="API keys">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Prefix</Table.Th>
          <Table.Th scope="col">Scope</Table.Th>
          <Table.Th scope="col">Created</Table.Th>
          <Table.Th scope="col">Last used</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key) => (
          <Table.Tr key={key.id}>
            <Table.Td fw={500}>{key.name}</Table.Td>
            <Table.Td>
              <Code>{key.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <ScopeBadge scope={key.scope} />
            </Table.Td>
            <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
            <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</Table.Td>
            <Table.Td ta="right">
              <Button size="xs" color="red" variant="subtle" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                Revoke
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
