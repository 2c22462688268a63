import { activeFilterCount, filterOf, listParamsOf, readListState, writeListState } from './list-state';

describe('contacts list state in the address', () => {
  it('reads filters, paging and sort from the query string and writes them back the same', () => {
    const query = 'search=jose+760&tag=farm-2024&inAnyCampaign=false&doNotContact=false&smsConsent=granted&state=ca&zip=92260&source=csv&sort=name&page=3';
    const state = readListState(new URLSearchParams(query));

    expect(listParamsOf(state)).toEqual({
      search: 'jose 760',
      tag: 'farm-2024',
      inAnyCampaign: false,
      doNotContact: false,
      smsConsent: 'granted',
      state: 'CA',
      zip: '92260',
      source: 'csv',
      sort: 'name',
      page: 3,
      limit: 25,
    });
    expect(readListState(writeListState(state))).toEqual({ ...state, state: 'CA' });
    expect(activeFilterCount(state)).toBe(7);
  });

  it('keeps a campaign chosen through a link, with its name for display', () => {
    const state = readListState(new URLSearchParams('notInCampaign=6b01902fe519b84038d530d8&campaignName=Spring+farm'));
    expect(state.campaign).toEqual({ kind: 'not-in', campaignId: '6b01902fe519b84038d530d8' });
    expect(state.campaignName).toBe('Spring farm');
    expect(filterOf(state)).toEqual({ notInCampaign: '6b01902fe519b84038d530d8' });
  });

  it('leaves out what the API would refuse: unknown values and half-typed state or ZIP', () => {
    const state = readListState(new URLSearchParams('campaignId=nope&smsConsent=maybe&state=C&zip=922&page=-2&sort=random'));
    expect(filterOf(state)).toEqual({});
    expect(state.page).toBe(1);
    expect(state.sort).toBe('-createdAt');
  });

  it('narrows to one import or one saved segment from a link, and drops ids that are not ids', () => {
    const state = readListState(new URLSearchParams('importBatchId=6b01902fe519b84038d530d8&segmentId=6b01902fe519b84038d530d9&tag=farm'));
    expect(filterOf(state)).toEqual({ tag: 'farm', importBatchId: '6b01902fe519b84038d530d8', segmentId: '6b01902fe519b84038d530d9' });
    expect(readListState(writeListState(state))).toEqual(state);
    expect(filterOf(readListState(new URLSearchParams('importBatchId=x&segmentId=%24ne')))).toEqual({});
  });
});
