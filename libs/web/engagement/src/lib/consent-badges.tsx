import type { ContactResponseDto } from '@cadence/web-api-client';
import { Badge, Group, Tooltip } from '@mantine/core';

const CHANNELS = [
  { key: 'sms', label: 'Text' },
  { key: 'voice', label: 'Voicemail' },
  { key: 'email', label: 'Email' },
] as const;

export interface ConsentBadgesProps {
  contact: Pick<ContactResponseDto, 'consent' | 'optOuts' | 'doNotContact'>;
  /** Lists show only what stands out (opt-outs and consent given or refused), not "no consent" on every row. */
  compact?: boolean;
}

/** One badge per channel: opted out (with where and when), consent granted, refused or unknown. */
export function ConsentBadges({ contact, compact = false }: ConsentBadgesProps) {
  if (contact.doNotContact) {
    return (
      <Badge color="red" variant="filled">
        Do not contact
      </Badge>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      {CHANNELS.map(({ key, label }) => {
        const optOut = contact.optOuts[key];
        if (optOut) {
          const detail = `Opted out ${new Date(optOut.at).toLocaleDateString()}${optOut.source ? ` via ${optOut.source}` : ''}${optOut.evidence ? ` ("${optOut.evidence}")` : ''}`;
          return (
            <Tooltip key={key} label={detail} withArrow>
              <Badge color="red" variant="light" aria-label={`${label}: ${detail}`}>
                {label}: opted out
              </Badge>
            </Tooltip>
          );
        }
        const status = contact.consent[key].status;
        if (compact && status !== 'granted' && status !== 'denied') return null;
        const color = status === 'granted' ? 'teal' : status === 'denied' ? 'orange' : 'gray';
        const text = status === 'granted' ? 'consent' : status === 'denied' ? 'refused' : 'no consent';
        return (
          <Badge key={key} color={color} variant="light">
            {label}: {text}
          </Badge>
        );
      })}
    </Group>
  );
}
