import { bulkTarget, isSelected, MAX_SELECTED_IDS, NOTHING_SELECTED, pageSelectionState, selectedCount, selectionReducer } from './selection';
import type { Selection, SelectionAction } from './selection';

const page1 = ['a', 'b', 'c'];
const page2 = ['d', 'e'];

function run(...actions: SelectionAction[]): Selection {
  return actions.reduce(selectionReducer, NOTHING_SELECTED);
}

describe('bulk selection', () => {
  it('ticks rows one by one, across pages', () => {
    const selection = run({ type: 'toggle', id: 'a', pageIds: page1 }, { type: 'toggle', id: 'd', pageIds: page2 });
    expect(selectedCount(selection, 5)).toBe(2);
    expect(pageSelectionState(selection, page1)).toBe('some');
    expect(bulkTarget(selection, { tag: 'x' })).toEqual({ ids: ['a', 'd'] });
  });

  it('selects and clears a whole page without touching the other pages', () => {
    const selection = run({ type: 'toggle', id: 'd', pageIds: page2 }, { type: 'select-page', pageIds: page1 });
    expect(pageSelectionState(selection, page1)).toBe('all');
    expect(selectedCount(selection, 5)).toBe(4);
    const cleared = selectionReducer(selection, { type: 'clear-page', pageIds: page1 });
    expect(pageSelectionState(cleared, page1)).toBe('none');
    expect(isSelected(cleared, 'd')).toBe(true);
  });

  it('"select all matching" covers every contact of the filter, sent as the filter, not as ids', () => {
    const selection = run({ type: 'select-page', pageIds: page1 }, { type: 'select-all-matching' });
    expect(selectedCount(selection, 312)).toBe(312);
    expect(isSelected(selection, 'not-loaded')).toBe(true);
    expect(pageSelectionState(selection, page2)).toBe('all');
    expect(bulkTarget(selection, { tag: 'farm', inAnyCampaign: false })).toEqual({ filter: { tag: 'farm', inAnyCampaign: false } });
  });

  it('unticking one row of "all matching" keeps the rest of the visible page ticked', () => {
    const selection = run({ type: 'select-all-matching' }, { type: 'toggle', id: 'b', pageIds: page1 });
    expect(selection.kind).toBe('ids');
    expect(bulkTarget(selection, {})).toEqual({ ids: ['a', 'c'] });
  });

  it('clearing the page while all matching are selected clears everything', () => {
    expect(run({ type: 'select-all-matching' }, { type: 'clear-page', pageIds: page1 })).toEqual(NOTHING_SELECTED);
  });

  it('has nothing to act on when empty, or when more ids are ticked than the API takes', () => {
    expect(bulkTarget(NOTHING_SELECTED, {})).toBeNull();
    const ids = Array.from({ length: MAX_SELECTED_IDS + 1 }, (_, i) => `id${i}`);
    expect(bulkTarget(run({ type: 'select-page', pageIds: ids }), {})).toBeNull();
  });
});
