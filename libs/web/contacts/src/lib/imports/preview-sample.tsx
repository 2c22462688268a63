import type { PreviewRowDto } from '@cadence/web-api-client';
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { formatAddress, formatPhone } from '../shared/format';

/** The first rows as the server normalised them: what the import would make of each. */
export function PreviewSample({ rows }: { rows: PreviewRowDto[] }) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">The file has no rows to show.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="First rows as they will be imported" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Row</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Phones</Table.Th>
            <Table.Th scope="col">Emails</Table.Th>
            <Table.Th scope="col">Property address</Table.Th>
            <Table.Th scope="col">Problems</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Td>{row.rowNumber}</Table.Td>
              {row.contact ? (
                <>
                  <Table.Td>{`${row.contact.firstName} ${row.contact.lastName}`.trim() || '—'}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {row.contact.phones.map((phone) => (
                        <Group key={phone.e164} gap={4} wrap="nowrap">
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatPhone(phone.e164, phone.extension)}
                          </Text>
                          {phone.dnc ? (
                            <Badge size="xs" color="red" variant="light">
                              DNC
                            </Badge>
                          ) : null}
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{row.contact.emails.join(', ')}</Table.Td>
                  <Table.Td>{formatAddress(row.contact.propertyAddress)}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={4}>
                  <Text size="sm" c="red">
                    Will not be imported
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                {row.errors.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {row.errors.map((error, index) => (
                      <Text key={index} size="xs" c="red">
                        {error.column ? `${error.column}: ` : ''}
                        {error.reason}
                        {error.value ? ` (“${error.value}”)` : ''}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
