import type {
  CampaignSort,
  CampaignStatus,
  CampaignType,
  ChannelDeliveryStatus,
  ExecutionChannel,
  ExecutionStatus,
  StrategyStatus,
  StrategyType,
} from '@cadence/web-api-client';

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  generating_scripts: 'Writing scripts',
  generating_audio: 'Recording audio',
  review: 'In review',
  approved: 'Approved',
  submitted: 'Submitted',
  scheduled: 'Scheduled',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
};

export const STATUS_COLORS: Record<CampaignStatus, string> = {
  draft: 'gray',
  generating_scripts: 'violet',
  generating_audio: 'violet',
  review: 'yellow',
  approved: 'cyan',
  submitted: 'cyan',
  scheduled: 'indigo',
  active: 'teal',
  paused: 'orange',
  completed: 'blue',
  failed: 'red',
};

export const TYPE_LABELS: Record<CampaignType, string> = {
  sphere_of_influence: 'Sphere of influence',
  past_clients: 'Past clients',
  neighborhood_expireds: 'Neighborhood expireds',
  high_equity: 'High equity',
  custom: 'Custom',
};

export const SORT_LABELS: Record<CampaignSort, string> = {
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  '-updatedAt': 'Recently updated',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
};

export const CHANNEL_LABELS: Record<ExecutionChannel, string> = {
  sms: 'SMS',
  email: 'Email',
  voicemail: 'Voicemail',
};

/** A strategy type sends on exactly one channel. */
export const CHANNEL_OF: Record<StrategyType, ExecutionChannel> = {
  text: 'sms',
  email: 'email',
  voicemail: 'voicemail',
};

export const STRATEGY_TYPE_LABELS: Record<StrategyType, string> = {
  text: 'Text message (SMS)',
  email: 'Email',
  voicemail: 'Ringless voicemail',
};

export const STRATEGY_STATUS_LABELS: Record<StrategyStatus, string> = {
  draft: 'Not deployed',
  scheduled: 'Scheduled to deploy',
  active: 'Sending',
  paused: 'Paused',
  completed: 'Completed',
};

export const STRATEGY_STATUS_COLORS: Record<StrategyStatus, string> = {
  draft: 'gray',
  scheduled: 'indigo',
  active: 'teal',
  paused: 'orange',
  completed: 'blue',
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

export const DELIVERY_COLORS: Record<ChannelDeliveryStatus, string> = {
  'not-started': 'gray',
  scheduled: 'indigo',
  sent: 'cyan',
  delivered: 'teal',
  engaged: 'green',
  responded: 'grape',
  failed: 'red',
  skipped: 'yellow',
  queued: 'indigo',
  deferred: 'orange',
  opened: 'green',
  listened: 'green',
  clicked: 'lime',
  opted_out: 'dark',
  cancelled: 'gray',
};

export const EXECUTION_STATUS_LABELS: Record<ExecutionStatus, string> = {
  pending: 'Pending',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  deferred: 'Deferred',
  skipped: 'Skipped',
  failed: 'Failed',
  unknown: 'Unknown (checking with the provider)',
  cancelled: 'Cancelled',
};

/** The send gate's reason codes (libs/api/anti-spam GateReason), in the agent's words. */
const REASON_LABELS: Record<string, string> = {
  do_not_contact: 'Marked do not contact',
  opted_out: 'Opted out of this channel',
  suppressed: 'Unsubscribed at the provider',
  dnc: 'Every number is on a do-not-call list',
  no_consent: 'No recorded consent',
  no_phone: 'No phone number',
  no_email: 'No email address',
  quiet_hours: 'Waits for legal calling hours',
  outside_schedule: "Waits for the campaign's days and hours",
  schedule_ended: 'The schedule has ended',
  recent_touch: 'Another campaign reached them recently',
  budget_exhausted: 'Over the budget',
  removed: 'Removed from the campaign',
  campaign_ended: 'The campaign ended first',
};

export function reasonLabel(code: string): string {
  return REASON_LABELS[code] ?? code.replace(/_/g, ' ');
}

/** ISO weekdays as the API takes them: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS: ReadonlyArray<{ value: number; short: string; label: string }> = [
  { value: 1, short: 'Mon', label: 'Monday' },
  { value: 2, short: 'Tue', label: 'Tuesday' },
  { value: 3, short: 'Wed', label: 'Wednesday' },
  { value: 4, short: 'Thu', label: 'Thursday' },
  { value: 5, short: 'Fri', label: 'Friday' },
  { value: 6, short: 'Sat', label: 'Saturday' },
  { value: 7, short: 'Sun', label: 'Sunday' },
];
