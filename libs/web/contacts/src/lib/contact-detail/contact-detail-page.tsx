import { getGetContactQueryKey, useGetContact, useListContactCampaigns } from '@cadence/web-api-client';
import type { ContactResponseDto } from '@cadence/web-api-client';
import { ConsentBadges } from '@cadence/web-engagement';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Anchor, Badge, Button, Code, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { campaignLabel } from '../shared/campaign-picker';
import { contactName, formatAddress, formatCount, formatDate, formatDateTime, formatPhone } from '../shared/format';
import { LISTING_STATUS_LABELS, SOURCE_LABELS } from '../shared/labels';
import { invalidateContacts } from '../shared/query-keys';
import { EditContactModal } from '../contact-form/edit-contact-modal';
import { AddToCampaignModal } from './add-to-campaign-modal';
import { CampaignHistorySection } from './campaign-history-section';
import { ConsentSection } from './consent-section';
import { TimelineSection } from './timeline-section';

function Section({ title, id, children, actions }: { title: string; id: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

function DetailsSection({ contact }: { contact: ContactResponseDto }) {
  const re = contact.realEstate;
  const custom = Object.entries(contact.customFields);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="dl" m={0}>
      <Field label="Emails">{contact.emails.length ? contact.emails.join(', ') : '—'}</Field>
      <Field label="Property address">{formatAddress(contact.propertyAddress) || '—'}</Field>
      <Field label="Mailing address">{formatAddress(contact.mailingAddress) || '—'}</Field>
      <Field label="Tags">
        {contact.tags.length ? (
          <Group gap={4} component="span">
            {contact.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="outline" color="gray" tt="none" component="span">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : (
          '—'
        )}
      </Field>
      <Field label="Time zone">
        {contact.timeZone ?? 'Unknown'}
        {contact.timeZone ? <Text span size="xs" c="dimmed">{` (from ${contact.timeZoneSource === 'zip' ? 'ZIP' : 'area code'})`}</Text> : null}
      </Field>
      <Field label="Source">{SOURCE_LABELS[contact.source]}</Field>
      <Field label="Listing status">{re.listingStatus ? LISTING_STATUS_LABELS[re.listingStatus] : '—'}</Field>
      <Field label="Property type">{re.propertyType ?? '—'}</Field>
      <Field label="Days on market">{re.daysOnMarket ?? '—'}</Field>
      <Field label="Last sale">
        {re.saleDate || re.salePrice !== null
          ? [re.saleDate ? formatDate(re.saleDate) : null, re.salePrice !== null ? money.format(re.salePrice) : null].filter(Boolean).join(' · ')
          : '—'}
      </Field>
      <Field label="Estimated equity">{re.estimatedEquity !== null ? money.format(re.estimatedEquity) : '—'}</Field>
      <Field label="Absentee owner">{re.absenteeOwner === null ? '—' : re.absenteeOwner ? 'Yes' : 'No'}</Field>
      {re.apn ? <Field label="APN">{re.apn}</Field> : null}
      {custom.map(([key, value]) => (
        <Field key={key} label={key}>
          {value}
        </Field>
      ))}
      <Field label="Added">{formatDateTime(contact.createdAt)}</Field>
      <Field label="Last contacted">{formatDateTime(contact.campaignHistory.lastContactedAt)}</Field>
    </SimpleGrid>
  );
}

function PhonesSection({ contact }: { contact: ContactResponseDto }) {
  const narrow = useMediaQuery('(max-width: 48em)');
  if (contact.phones.length === 0) return <Text size="sm" c="dimmed">No phone numbers.</Text>;
  const dncBadge = (dnc: boolean) =>
    dnc ? (
      <Badge color="red" variant="filled" size="sm">
        On do-not-call list
      </Badge>
    ) : (
      <Badge color="teal" variant="light" size="sm">
        Not on DNC list
      </Badge>
    );
  if (narrow) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Phone numbers">
        {contact.phones.map((phone) => (
          <Group key={phone.e164} component="li" justify="space-between" wrap="wrap" gap={4}>
            <Stack gap={0}>
              <Anchor href={`tel:${phone.e164}`} size="sm">
                {formatPhone(phone.e164, phone.extension)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[phone.type, phone.label].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            {dncBadge(phone.dnc)}
          </Group>
        ))}
      </Stack>
    );
  }
  return (
    <Table aria-label="Phone numbers" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Number</Table.Th>
          <Table.Th scope="col">Type</Table.Th>
          <Table.Th scope="col">Label</Table.Th>
          <Table.Th scope="col">Do not call</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contact.phones.map((phone) => (
          <Table.Tr key={phone.e164}>
            <Table.Td>
              <Anchor href={`tel:${phone.e164}`} size="sm">
                {formatPhone(phone.e164, phone.extension)}
              </Anchor>
              <Code ml="xs" fz="xs">
                {phone.e164}
              </Code>
            </Table.Td>
            <Table.Td tt="capitalize">{phone.type}</Table.Td>
            <Table.Td>{phone.label ?? '—'}</Table.Td>
            <Table.Td>{dncBadge(phone.dnc)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One contact: fields, phones with DNC flags, consent, campaign history and timeline. */
export function ContactDetailPage() {
  const { contactId = '' } = useParams();
  const queryClient = useQueryClient();
  const contact = useGetContact(contactId);
  const campaigns = useListContactCampaigns(contactId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const name = contact.data ? contactName(contact.data) : 'Contact';
  useDocumentTitle(`${name} · Cadence`);

  const memberships = campaigns.data?.items;

  const onChanged = (updated: ContactResponseDto) => {
    queryClient.setQueryData(getGetContactQueryKey(contactId), updated);
    notifications.show({ color: 'teal', message: 'Saved.' });
    void invalidateContacts(queryClient);
  };

  const back = (
    <Anchor component={Link} to="/contacts" size="sm">
      ← All contacts
    </Anchor>
  );

  if (contact.isPending) {
    return (
      <>
        {back}
        <LoadingState label="Loading contact…" />
      </>
    );
  }
  if (contact.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert
          title={contact.error.statusCode === 404 ? 'This contact does not exist' : 'Could not load the contact'}
          message={contact.error.message}
          code={contact.error.code}
          onRetry={contact.error.statusCode === 404 ? undefined : () => void contact.refetch()}
        />
      </Stack>
    );
  }

  const data = contact.data;
  return (
    <>
      {back}
      <PageHeader
        title={name}
        description={
          <Group gap={6} component="span">
            {data.doNotContact ? (
              <Badge color="red" component="span">
                Do not contact{data.doNotContactReason ? `: ${data.doNotContactReason}` : ''}
              </Badge>
            ) : null}
            <Text span size="sm" c="dimmed">
              {formatCount(data.campaignHistory.totalCampaigns)} campaign{data.campaignHistory.totalCampaigns === 1 ? '' : 's'} ·
              added {formatDate(data.createdAt)}
            </Text>
          </Group>
        }
        actions={
          <Group gap="sm">
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit contact
            </Button>
            <Button onClick={() => setAdding(true)} disabled={data.doNotContact}>
              Add to campaign
            </Button>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title="Details" id="contact-details-heading">
              <DetailsSection contact={data} />
            </Section>
            <Section title="Phones" id="contact-phones-heading">
              <PhonesSection contact={data} />
            </Section>
            <Section title="Consent" id="contact-consent-heading">
              <Stack gap="sm">
                <ConsentBadges contact={data} />
                <ConsentSection contact={data} onChanged={onChanged} />
              </Stack>
            </Section>
            <Section
              title="Campaign history"
              id="contact-campaigns-heading"
              actions={
                <Button size="xs" variant="default" onClick={() => setAdding(true)} disabled={data.doNotContact}>
                  Add to campaign
                </Button>
              }
            >
              <CampaignHistorySection
                memberships={memberships}
                isPending={campaigns.isPending}
                error={campaigns.error}
                onRetry={() => void campaigns.refetch()}
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Section title="Timeline" id="contact-timeline-heading">
            <TimelineSection contactId={contactId} />
          </Section>
        </Grid.Col>
      </Grid>

      <EditContactModal
        contact={data}
        opened={editing}
        onClose={() => setEditing(false)}
        onSaved={(updated) => {
          setEditing(false);
          onChanged(updated);
        }}
      />

      <AddToCampaignModal
        opened={adding}
        contactId={contactId}
        contactName={name}
        history={memberships ?? []}
        onClose={() => setAdding(false)}
        onAdded={(membership) => {
          setAdding(false);
          notifications.show({
            color: 'teal',
            message: `${name} was added to ${campaignLabel({ id: membership.campaignId, name: membership.campaignName })}.`,
          });
          void invalidateContacts(queryClient);
        }}
      />
    </>
  );
}
