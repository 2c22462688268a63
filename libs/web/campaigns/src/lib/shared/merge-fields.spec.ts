import { insertAt, unknownMergeFields } from './merge-fields';

describe('merge fields', () => {
  it('names the fields the API would refuse, once each, and accepts fallbacks', () => {
    expect(unknownMergeFields('Hi {{firstName|there}}, {{ city }} {{frstName}} {{price}} {{frstName}}')).toEqual(['frstName', 'price']);
    expect(unknownMergeFields('Hi {{agentName}} at {{brokerage}}')).toEqual([]);
  });

  it('inserts a tag at the caret, replacing a selection', () => {
    expect(insertAt('Hi , welcome', '{{firstName}}', 3, 3)).toEqual({ value: 'Hi {{firstName}}, welcome', caret: 16 });
    expect(insertAt('Hi NAME!', '{{firstName}}', 3, 7)).toEqual({ value: 'Hi {{firstName}}!', caret: 16 });
    expect(insertAt('Hi', '{{firstName}}', null, null)).toEqual({ value: 'Hi{{firstName}}', caret: 15 });
  });
});
