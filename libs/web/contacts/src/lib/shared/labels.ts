import type {
  ChannelDeliveryStatus,
  ConsentStatus,
  ContactEventType,
  ContactSource,
  ImportDedupePolicy,
  ImportPreset,
  ImportStatus,
  ListingStatus,
  MembershipStatus,
} from '@cadence/web-api-client';

export const CONSENT_LABELS: Record<ConsentStatus, string> = {
  granted: 'Granted',
  denied: 'Denied',
  unknown: 'Unknown',
};

export const CONSENT_COLORS: Record<ConsentStatus, string> = {
  granted: 'teal',
  denied: 'red',
  unknown: 'gray',
};

export const CHANNEL_LABELS = { sms: 'SMS', voice: 'Voice / voicemail', email: 'Email' } as const;

export const SOURCE_LABELS: Record<ContactSource, string> = {
  manual: 'Added by hand',
  api: 'API',
  csv: 'CSV import',
  xlsx: 'Excel import',
  vcard: 'vCard import',
  json: 'JSON import',
  'title-rep': 'Title rep export',
  'mojo-dialer': 'Mojo Dialer',
  'google-contacts': 'Google Contacts',
};

export const LISTING_STATUS_LABELS: Record<ListingStatus, string> = {
  active: 'Active',
  pending: 'Pending',
  sold: 'Sold',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  'off-market': 'Off market',
};

export const MEMBERSHIP_LABELS: Record<MembershipStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  removed: 'Removed',
};

export const DELIVERY_LABELS: Record<ChannelDeliveryStatus, string> = {
  'not-started': 'Not started',
  scheduled: 'Scheduled',
  sent: 'Sent',
  delivered: 'Delivered',
  engaged: 'Listened / opened',
  responded: 'Responded',
  failed: 'Failed',
  skipped: 'Skipped',
  queued: 'Queued',
  deferred: 'Deferred',
  opened: 'Opened',
  listened: 'Listened',
  clicked: 'Clicked',
  opted_out: 'Opted out',
  cancelled: 'Cancelled',
};

export const EVENT_LABELS: Record<ContactEventType, string> = {
  created: 'Created',
  imported: 'Imported',
  updated: 'Updated',
  tagged: 'Tagged',
  untagged: 'Untagged',
  'consent-changed': 'Consent changed',
  'opted-out': 'Opted out',
  'marked-do-not-contact': 'Do not contact',
  'added-to-campaign': 'Added to campaign',
  'removed-from-campaign': 'Removed from campaign',
  replied: 'Replied',
  engaged: 'Listened / opened',
  'opted-in': 'Opted in',
  converted: 'Converted',
};

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  queued: 'Waiting for a worker',
  processing: 'Importing',
  completed: 'Completed',
  failed: 'Failed',
};

export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  queued: 'gray',
  processing: 'indigo',
  completed: 'teal',
  failed: 'red',
};

export const PRESET_LABELS: Record<ImportPreset, string> = {
  generic: 'Any spreadsheet',
  'title-rep': 'Title rep export',
  'mojo-dialer': 'Mojo Dialer export',
  'google-contacts': 'Google Contacts export',
};

export const DEDUPE_LABELS: Record<ImportDedupePolicy, { label: string; description: string }> = {
  'create-or-update': {
    label: 'Create new contacts and update existing ones',
    description: 'A row whose phone or email you already have fills in that contact; every other row becomes a new contact.',
  },
  'create-only': {
    label: 'Only create new contacts',
    description: 'Rows matching a contact you already have are skipped; nothing existing changes.',
  },
  'update-only': {
    label: 'Only update existing contacts',
    description: 'Rows that match no contact you have are skipped; nobody new is added.',
  },
};
