import { ConsentChannel, ConsentStatus, useOptOutContact, useSetContactConsent } from '@cadence/web-api-client';
import type { ContactResponseDto } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Badge, Button, Group, Modal, Radio, Select, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useEffect, useState } from 'react';
import { formatDateTime } from '../shared/format';
import { CHANNEL_LABELS, CONSENT_COLORS, CONSENT_LABELS } from '../shared/labels';

const CHANNELS = Object.values(ConsentChannel);

export interface ConsentSectionProps {
  contact: ContactResponseDto;
  onChanged: (contact: ContactResponseDto) => void;
}

/** Consent and opt-outs per channel, with the evidence (source, time, wording) the law asks for. */
export function ConsentSection({ contact, onChanged }: ConsentSectionProps) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const [recording, setRecording] = useState<ConsentChannel | null>(null);
  const [optingOut, setOptingOut] = useState<ConsentChannel | 'all' | null>(null);

  const rows = CHANNELS.map((channel) => {
    const consent = contact.consent[channel];
    const optOut = contact.optOuts[channel];
    return { channel, consent, optOut };
  });

  const actions = (channel: ConsentChannel, optedOut: boolean) => (
    <Group gap={6} justify="flex-end">
      <Button size="xs" variant="default" onClick={() => setRecording(channel)} aria-label={`Record ${CHANNEL_LABELS[channel]} consent`}>
        Record consent
      </Button>
      {optedOut ? null : (
        <Button size="xs" variant="subtle" color="red" onClick={() => setOptingOut(channel)} aria-label={`Opt out of ${CHANNEL_LABELS[channel]}`}>
          Opt out
        </Button>
      )}
    </Group>
  );

  return (
    <>
      {narrow ? (
        <Stack gap="sm">
          {rows.map(({ channel, consent, optOut }) => (
            <Stack key={channel} gap={4} pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  {CHANNEL_LABELS[channel]}
                </Text>
                <Badge color={CONSENT_COLORS[consent.status]} variant="light">
                  {CONSENT_LABELS[consent.status]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {consent.source ? `From ${consent.source}, ${formatDateTime(consent.capturedAt)}` : 'No consent recorded'}
              </Text>
              {optOut ? (
                <Text size="xs" c="red">
                  Opted out {formatDateTime(optOut.at)}
                  {optOut.reason ? ` — ${optOut.reason}` : ''}
                </Text>
              ) : null}
              {actions(channel, Boolean(optOut))}
            </Stack>
          ))}
        </Stack>
      ) : (
        <Table aria-label="Consent per channel" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Channel</Table.Th>
              <Table.Th scope="col">Evidence</Table.Th>
              <Table.Th scope="col">Opt-out</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ channel, consent, optOut }) => (
              <Table.Tr key={channel}>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={500}>
                      {CHANNEL_LABELS[channel]}
                    </Text>
                    <Badge color={CONSENT_COLORS[consent.status]} variant="light" style={{ flexShrink: 0 }}>
                      {CONSENT_LABELS[consent.status]}
                    </Badge>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {consent.source ? (
                    <Stack gap={0}>
                      <Text size="sm">{consent.source}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(consent.capturedAt)}
                        {consent.ip ? ` · IP ${consent.ip}` : ''}
                      </Text>
                      {consent.wording ? (
                        <Text size="xs" c="dimmed" lineClamp={2} title={consent.wording}>
                          “{consent.wording}”
                        </Text>
                      ) : null}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      None recorded
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {optOut ? (
                    <Stack gap={0}>
                      <Text size="sm" c="red">
                        {formatDateTime(optOut.at)}
                      </Text>
                      {optOut.reason ? (
                        <Text size="xs" c="dimmed">
                          {optOut.reason}
                        </Text>
                      ) : null}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{actions(channel, Boolean(optOut))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!contact.doNotContact ? (
        <Group mt="sm">
          <Button size="xs" color="red" variant="light" onClick={() => setOptingOut('all')}>
            Mark do not contact (every channel)
          </Button>
        </Group>
      ) : null}

      <RecordConsentModal
        contactId={contact.id}
        channel={recording}
        onClose={() => setRecording(null)}
        onSaved={(updated) => {
          setRecording(null);
          onChanged(updated);
        }}
      />
      <OptOutModal
        contactId={contact.id}
        channel={optingOut}
        onClose={() => setOptingOut(null)}
        onSaved={(updated) => {
          setOptingOut(null);
          onChanged(updated);
        }}
      />
    </>
  );
}

function RecordConsentModal({
  contactId,
  channel,
  onClose,
  onSaved,
}: {
  contactId: string;
  channel: ConsentChannel | null;
  onClose: () => void;
  onSaved: (contact: ContactResponseDto) => void;
}) {
  const save = useSetContactConsent();
  const [status, setStatus] = useState<ConsentStatus>(ConsentStatus.granted);
  const [source, setSource] = useState('');
  const [wording, setWording] = useState('');
  const [sourceError, setSourceError] = useState<string | undefined>();
  const [picked, setPicked] = useState<ConsentChannel | null>(channel);
  const { reset } = save;

  // A fresh form each time the dialog opens for a channel.
  useEffect(() => {
    if (!channel) return;
    setPicked(channel);
    setStatus(ConsentStatus.granted);
    setSource('');
    setWording('');
    setSourceError(undefined);
    reset();
  }, [channel, reset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    if (!source.trim()) {
      setSourceError('Say where the consent was given, for example “open-house sign-in sheet”.');
      return;
    }
    setSourceError(undefined);
    save.mutate(
      { id: contactId, data: { channel: picked, status, source: source.trim(), ...(wording.trim() ? { wording: wording.trim() } : {}) } },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const field = error.fieldErrors.find((f) => f.field === 'source');
          if (field) setSourceError(field.messages.join(' '));
        },
      },
    );
  };

  return (
    <Modal opened={channel !== null} onClose={onClose} title="Record consent">
      <form onSubmit={submit} noValidate aria-label="Record consent">
        <Stack>
          <Select
            label="Channel"
            data={CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
            value={picked}
            onChange={(value) => setPicked(value as ConsentChannel)}
            allowDeselect={false}
          />
          <Radio.Group label="Consent" value={status} onChange={(value) => setStatus(value as ConsentStatus)}>
            <Group mt="xs">
              {Object.values(ConsentStatus).map((value) => (
                <Radio key={value} value={value} label={CONSENT_LABELS[value]} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label="Where was it given?"
            required
            maxLength={200}
            value={source}
            onChange={(event) => setSource(event.currentTarget.value)}
            error={sourceError}
            data-autofocus
          />
          <Textarea
            label="Wording the contact saw"
            description="Word for word, if you have it."
            maxLength={2000}
            autosize
            minRows={2}
            value={wording}
            onChange={(event) => setWording(event.currentTarget.value)}
          />
          {save.error && !save.error.fieldErrors.some((f) => f.field === 'source') ? (
            <ErrorAlert title="Could not record the consent" message={save.error.message} code={save.error.code} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save consent
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function OptOutModal({
  contactId,
  channel,
  onClose,
  onSaved,
}: {
  contactId: string;
  channel: ConsentChannel | 'all' | null;
  onClose: () => void;
  onSaved: (contact: ContactResponseDto) => void;
}) {
  const optOut = useOptOutContact();
  const [reason, setReason] = useState('');
  const { reset } = optOut;
  useEffect(() => {
    if (!channel) return;
    setReason('');
    reset();
  }, [channel, reset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!channel) return;
    optOut.mutate(
      { id: contactId, data: { ...(channel === 'all' ? {} : { channel }), ...(reason.trim() ? { reason: reason.trim() } : {}) } },
      { onSuccess: onSaved },
    );
  };

  const title = channel === 'all' ? 'Mark as do not contact' : channel ? `Opt out of ${CHANNEL_LABELS[channel]}` : '';
  return (
    <Modal opened={channel !== null} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          <Text size="sm">
            {channel === 'all'
              ? 'No campaign will reach this contact on any channel again.'
              : 'No campaign will use this channel for this contact again.'}
          </Text>
          <TextInput
            label="Reason"
            description="Optional; kept on the timeline."
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          {optOut.error ? <ErrorAlert title="Could not record the opt-out" message={optOut.error.message} code={optOut.error.code} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={optOut.isPending}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={optOut.isPending}>
              {channel === 'all' ? 'Mark do not contact' : 'Opt out'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
