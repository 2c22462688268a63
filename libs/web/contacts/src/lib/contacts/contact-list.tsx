import type { ContactResponseDto } from '@cadence/web-api-client';
import { ConsentBadges } from '@cadence/web-engagement';
import { Anchor, Badge, Card, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { contactName, formatAddress, formatPhone } from '../shared/format';
import type { Selection } from './selection';
import { isSelected, pageSelectionState } from './selection';

export interface ContactListProps {
  contacts: ContactResponseDto[];
  selection: Selection;
  onToggle: (id: string) => void;
  onTogglePage: (select: boolean) => void;
}

function PhoneCell({ contact }: { contact: ContactResponseDto }) {
  const phone = contact.phones[0];
  if (!phone) return <Text size="sm" c="dimmed">No phone</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatPhone(phone.e164, phone.extension)}
      </Text>
      {phone.dnc ? (
        <Badge size="xs" color="red" variant="light" title="This number is on a do-not-call list">
          DNC
        </Badge>
      ) : null}
      {contact.phones.length > 1 ? (
        <Text size="xs" c="dimmed">
          +{contact.phones.length - 1}
        </Text>
      ) : null}
    </Group>
  );
}

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4}>
      {tags.slice(0, 3).map((tag) => (
        <Badge key={tag} size="sm" variant="outline" color="gray" tt="none">
          {tag}
        </Badge>
      ))}
      {tags.length > 3 ? (
        <Text size="xs" c="dimmed">
          +{tags.length - 3}
        </Text>
      ) : null}
    </Group>
  );
}

function location(contact: ContactResponseDto): string {
  const address = contact.propertyAddress ?? contact.mailingAddress;
  if (!address) return '';
  return [address.city, address.state].filter(Boolean).join(', ') || formatAddress(address);
}

/** A table on wide screens and one card per contact on a phone; each row can be ticked for bulk actions. */
export function ContactList({ contacts, selection, onToggle, onTogglePage }: ContactListProps) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const pageIds = contacts.map((c) => c.id);
  const pageState = pageSelectionState(selection, pageIds);
  const pageCheckbox = (
    <Checkbox
      aria-label="Select all contacts on this page"
      checked={pageState === 'all'}
      indeterminate={pageState === 'some'}
      onChange={() => onTogglePage(pageState !== 'all')}
    />
  );

  if (narrow) {
    return (
      <Stack gap="xs">
        <Group gap="xs">
          {pageCheckbox}
          <Text size="sm">Select this page</Text>
        </Group>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Contacts">
          {contacts.map((contact) => {
            const name = contactName(contact);
            return (
              <Card key={contact.id} withBorder component="li" padding="sm">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Checkbox
                    mt={2}
                    aria-label={`Select ${name}`}
                    checked={isSelected(selection, contact.id)}
                    onChange={() => onToggle(contact.id)}
                  />
                  <Stack gap={4} miw={0} style={{ flex: 1 }}>
                    <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600} truncate>
                      {name}
                    </Anchor>
                    <ConsentBadges contact={contact} compact />
                    <PhoneCell contact={contact} />
                    {contact.emails[0] ? (
                      <Text size="sm" truncate>
                        {contact.emails[0]}
                      </Text>
                    ) : null}
                    {location(contact) ? (
                      <Text size="xs" c="dimmed">
                        {location(contact)}
                      </Text>
                    ) : null}
                    <Tags tags={contact.tags} />
                  </Stack>
                </Group>
              </Card>
            );
          })}
        </Stack>
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Contacts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              {pageCheckbox}
            </Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Consent</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
            <Table.Th scope="col">Tags</Table.Th>
            <Table.Th scope="col" ta="right">
              Campaigns
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => {
            const name = contactName(contact);
            const selected = isSelected(selection, contact.id);
            return (
              <Table.Tr key={contact.id} bg={selected ? 'var(--mantine-color-indigo-light)' : undefined}>
                <Table.Td>
                  <Checkbox aria-label={`Select ${name}`} checked={selected} onChange={() => onToggle(contact.id)} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${contact.id}`} fw={500} size="sm">
                    {name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ConsentBadges contact={contact} compact />
                </Table.Td>
                <Table.Td>
                  <PhoneCell contact={contact} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" maw={220} truncate>
                    {contact.emails[0] ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{location(contact)}</Text>
                </Table.Td>
                <Table.Td>
                  <Tags tags={contact.tags} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">
                    {contact.campaignHistory.totalCampaigns}
                    <VisuallyHidden> campaigns</VisuallyHidden>
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
