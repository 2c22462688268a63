import type { CampaignSort, CampaignStatus, CampaignType, ListCampaignsParams } from '@cadence/web-api-client';
import { SORT_LABELS, STATUS_LABELS, TYPE_LABELS } from '../shared/labels';

export const PAGE_SIZE = 12;
export const DEFAULT_SORT: CampaignSort = '-createdAt';

/** The list's filters as the address holds them, so a reload or a shared link shows the same list. */
export interface ListState {
  status: CampaignStatus | null;
  type: CampaignType | null;
  search: string;
  sort: CampaignSort;
  page: number;
}

function oneOf<T extends string>(value: string | null, allowed: Record<T, string>): T | null {
  return value !== null && Object.prototype.hasOwnProperty.call(allowed, value) ? (value as T) : null;
}

export function readListState(params: URLSearchParams): ListState {
  const page = Number(params.get('page'));
  return {
    status: oneOf(params.get('status'), STATUS_LABELS),
    type: oneOf(params.get('type'), TYPE_LABELS),
    search: params.get('search') ?? '',
    sort: oneOf(params.get('sort'), SORT_LABELS) ?? DEFAULT_SORT,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function writeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.type) params.set('type', state.type);
  if (state.search.trim()) params.set('search', state.search);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

export function listParamsOf(state: ListState): ListCampaignsParams {
  return {
    page: state.page,
    limit: PAGE_SIZE,
    sort: state.sort,
    ...(state.status ? { status: state.status } : {}),
    ...(state.type ? { type: state.type } : {}),
    ...(state.search.trim() ? { search: state.search.trim() } : {}),
  };
}

export function isFiltered(state: ListState): boolean {
  return state.type !== null || state.search.trim() !== '';
}
