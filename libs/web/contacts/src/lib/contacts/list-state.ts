import { ConsentStatus, ContactSort, ContactSource } from '@cadence/web-api-client';
import type { ContactFilterRequestDto, ListContactsParams } from '@cadence/web-api-client';

export const PAGE_SIZE = 25;

/**
 * The campaign part of the filter, as one choice. Campaigns have no list endpoint yet, so a specific
 * campaign can only come from a link (a contact's campaign history) that also carries its name.
 */
export type CampaignChoice =
  | { kind: 'any' }
  | { kind: 'in-none' }
  | { kind: 'in-some' }
  | { kind: 'in'; campaignId: string }
  | { kind: 'not-in'; campaignId: string };

/** Everything the contacts list shows, kept in the address so a filtered view can be shared or reloaded. */
export interface ListState {
  search: string;
  tag: string;
  campaign: CampaignChoice;
  /** Display name of the campaign in `campaign`, carried by the link that chose it. */
  campaignName: string | null;
  doNotContact: boolean | null;
  smsConsent: ConsentStatus | null;
  voiceConsent: ConsentStatus | null;
  emailConsent: ConsentStatus | null;
  state: string;
  zip: string;
  source: ContactSource | null;
  /** Only the contacts one import created (the import results link here). */
  importBatchId: string | null;
  /** Only the contacts of a saved segment (the segments page links here). */
  segmentId: string | null;
  sort: ContactSort;
  page: number;
}

/** The list filters the API takes; importBatchId and segmentId arrive only through links. */
export type ListFilter = ContactFilterRequestDto & { importBatchId?: string; segmentId?: string };

const OBJECT_ID = /^[0-9a-f]{24}$/i;

function oneOf<T extends string>(values: Record<string, T>, raw: string | null): T | null {
  return raw !== null && (Object.values(values) as string[]).includes(raw) ? (raw as T) : null;
}

function objectIdOf(raw: string | null): string | null {
  return raw !== null && OBJECT_ID.test(raw) ? raw : null;
}

function booleanOf(raw: string | null): boolean | null {
  return raw === 'true' ? true : raw === 'false' ? false : null;
}

export function readListState(params: URLSearchParams): ListState {
  const campaignId = params.get('campaignId');
  const notInCampaign = params.get('notInCampaign');
  const inAny = booleanOf(params.get('inAnyCampaign'));
  let campaign: CampaignChoice = { kind: 'any' };
  if (campaignId && OBJECT_ID.test(campaignId)) campaign = { kind: 'in', campaignId };
  else if (notInCampaign && OBJECT_ID.test(notInCampaign)) campaign = { kind: 'not-in', campaignId: notInCampaign };
  else if (inAny === false) campaign = { kind: 'in-none' };
  else if (inAny === true) campaign = { kind: 'in-some' };
  const page = Number(params.get('page'));
  return {
    search: params.get('search') ?? '',
    tag: params.get('tag') ?? '',
    campaign,
    campaignName: campaign.kind === 'in' || campaign.kind === 'not-in' ? params.get('campaignName') : null,
    doNotContact: booleanOf(params.get('doNotContact')),
    smsConsent: oneOf(ConsentStatus, params.get('smsConsent')),
    voiceConsent: oneOf(ConsentStatus, params.get('voiceConsent')),
    emailConsent: oneOf(ConsentStatus, params.get('emailConsent')),
    state: params.get('state') ?? '',
    zip: params.get('zip') ?? '',
    source: oneOf(ContactSource, params.get('source')),
    importBatchId: objectIdOf(params.get('importBatchId')),
    segmentId: objectIdOf(params.get('segmentId')),
    sort: oneOf(ContactSort, params.get('sort')) ?? ContactSort['-createdAt'],
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function writeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | boolean | null) => {
    if (value !== null && value !== '') params.set(key, String(value));
  };
  set('search', state.search.trim());
  set('tag', state.tag.trim());
  if (state.campaign.kind === 'in') set('campaignId', state.campaign.campaignId);
  if (state.campaign.kind === 'not-in') set('notInCampaign', state.campaign.campaignId);
  if (state.campaign.kind === 'in-none') set('inAnyCampaign', false);
  if (state.campaign.kind === 'in-some') set('inAnyCampaign', true);
  if (state.campaign.kind === 'in' || state.campaign.kind === 'not-in') set('campaignName', state.campaignName);
  set('doNotContact', state.doNotContact);
  set('smsConsent', state.smsConsent);
  set('voiceConsent', state.voiceConsent);
  set('emailConsent', state.emailConsent);
  set('state', state.state.trim().toUpperCase());
  set('zip', state.zip.trim());
  set('source', state.source);
  set('importBatchId', state.importBatchId);
  set('segmentId', state.segmentId);
  if (state.sort !== ContactSort['-createdAt']) set('sort', state.sort);
  if (state.page > 1) set('page', String(state.page));
  return params;
}

const STATE_CODE = /^[A-Za-z]{2}$/;
const ZIP = /^\d{5}$/;

/**
 * The API's filter for this view. Half-typed state or ZIP values are left out rather than sent,
 * because the API would refuse the whole request for them.
 */
export function filterOf(state: ListState): ListFilter {
  const filter: ListFilter = {};
  if (state.search.trim()) filter.search = state.search.trim();
  if (state.tag.trim()) filter.tag = state.tag.trim();
  switch (state.campaign.kind) {
    case 'in':
      filter.campaignId = state.campaign.campaignId;
      break;
    case 'not-in':
      filter.notInCampaign = state.campaign.campaignId;
      break;
    case 'in-none':
      filter.inAnyCampaign = false;
      break;
    case 'in-some':
      filter.inAnyCampaign = true;
      break;
  }
  if (state.doNotContact !== null) filter.doNotContact = state.doNotContact;
  if (state.smsConsent) filter.smsConsent = state.smsConsent;
  if (state.voiceConsent) filter.voiceConsent = state.voiceConsent;
  if (state.emailConsent) filter.emailConsent = state.emailConsent;
  if (STATE_CODE.test(state.state.trim())) filter.state = state.state.trim().toUpperCase();
  if (ZIP.test(state.zip.trim())) filter.zip = state.zip.trim();
  if (state.source) filter.source = state.source;
  if (state.importBatchId) filter.importBatchId = state.importBatchId;
  if (state.segmentId) filter.segmentId = state.segmentId;
  return filter;
}

export function listParamsOf(state: ListState): ListContactsParams & ListFilter {
  return { ...filterOf(state), sort: state.sort, page: state.page, limit: PAGE_SIZE };
}

/** How many filters narrow the list (search excluded, it has its own box). */
export function activeFilterCount(state: ListState): number {
  return Object.keys(filterOf(state)).filter((key) => key !== 'search').length;
}

/** A stable key for "the same set of matching contacts", to drop a selection when the filter changes. */
export function filterKey(state: ListState): string {
  return JSON.stringify(filterOf(state));
}
