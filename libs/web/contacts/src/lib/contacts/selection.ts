import type { ContactFilterRequestDto } from '@cadence/web-api-client';

/** The API takes at most this many ids in one bulk action; more than that goes through the filter. */
export const MAX_SELECTED_IDS = 1000;

/**
 * What the bulk actions apply to: contacts picked one by one (possibly across pages), or every
 * contact matching the current filter, including those on pages not loaded.
 */
export type Selection = { kind: 'ids'; ids: ReadonlySet<string> } | { kind: 'all-matching' };

export type SelectionAction =
  | { type: 'toggle'; id: string; pageIds: readonly string[] }
  | { type: 'select-page'; pageIds: readonly string[] }
  | { type: 'clear-page'; pageIds: readonly string[] }
  | { type: 'select-all-matching' }
  | { type: 'clear' };

export const NOTHING_SELECTED: Selection = { kind: 'ids', ids: new Set() };

export function selectionReducer(selection: Selection, action: SelectionAction): Selection {
  switch (action.type) {
    case 'clear':
      return NOTHING_SELECTED;
    case 'select-all-matching':
      return { kind: 'all-matching' };
    case 'select-page': {
      const ids = new Set(selection.kind === 'ids' ? selection.ids : []);
      action.pageIds.forEach((id) => ids.add(id));
      return selection.kind === 'all-matching' ? selection : { kind: 'ids', ids };
    }
    case 'clear-page': {
      // "All matching" cannot leave out a page (the API has no "all except"): clearing the page clears all.
      if (selection.kind === 'all-matching') return NOTHING_SELECTED;
      const ids = new Set(selection.ids);
      action.pageIds.forEach((id) => ids.delete(id));
      return { kind: 'ids', ids };
    }
    case 'toggle': {
      if (selection.kind === 'all-matching') {
        // Unticking one row of "all matching" keeps what the user sees ticked: this page minus that row.
        return { kind: 'ids', ids: new Set(action.pageIds.filter((id) => id !== action.id)) };
      }
      const ids = new Set(selection.ids);
      if (ids.has(action.id)) ids.delete(action.id);
      else ids.add(action.id);
      return { kind: 'ids', ids };
    }
  }
}

export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'all-matching' || selection.ids.has(id);
}

/** How the "select page" checkbox looks: ticked, half-ticked or empty. */
export function pageSelectionState(selection: Selection, pageIds: readonly string[]): 'all' | 'some' | 'none' {
  if (pageIds.length === 0) return 'none';
  if (selection.kind === 'all-matching') return 'all';
  const picked = pageIds.filter((id) => selection.ids.has(id)).length;
  return picked === 0 ? 'none' : picked === pageIds.length ? 'all' : 'some';
}

export function selectedCount(selection: Selection, totalMatching: number): number {
  return selection.kind === 'all-matching' ? totalMatching : selection.ids.size;
}

export function isEmptySelection(selection: Selection): boolean {
  return selection.kind === 'ids' && selection.ids.size === 0;
}

/** The `ids` or `filter` half of a bulk request; null when the ids are more than the API accepts. */
export function bulkTarget(
  selection: Selection,
  filter: ContactFilterRequestDto,
): { ids: string[] } | { filter: ContactFilterRequestDto } | null {
  if (selection.kind === 'all-matching') return { filter };
  if (selection.ids.size === 0 || selection.ids.size > MAX_SELECTED_IDS) return null;
  return { ids: [...selection.ids] };
}
