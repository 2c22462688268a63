import { Types } from 'mongoose';
import { compileSegment } from './segment-compiler';
import { SegmentDefinition, SegmentField, SegmentMatch, SegmentOperator } from './segment-definition';

const now = new Date('2026-06-01T00:00:00Z');
const one = (field: SegmentField, operator: SegmentOperator, value?: unknown): SegmentDefinition => ({
  match: SegmentMatch.All,
  groups: [{ match: SegmentMatch.All, conditions: [{ field, operator, value: value as never }] }],
});

describe('segment compiler', () => {
  it('compiles groups into $and/$or over whitelisted stored paths', () => {
    const campaign = new Types.ObjectId();
    const filter = compileSegment(
      {
        match: SegmentMatch.Any,
        groups: [
          { match: SegmentMatch.All, conditions: [{ field: SegmentField.PropertyState, operator: SegmentOperator.Equals, value: 'ca' }, { field: SegmentField.SalePrice, operator: SegmentOperator.Between, value: [1, 2] }] },
          { match: SegmentMatch.All, conditions: [{ field: SegmentField.Campaigns, operator: SegmentOperator.HasNone, value: [campaign.toHexString()] }] },
        ],
      },
      now,
    );
    expect(filter).toEqual({
      $or: [{ $and: [{ 'propertyAddress.state': 'CA' }, { 'realEstate.salePrice': { $gte: 1, $lte: 2 } }] }, { 'campaignHistory.campaignIds': { $nin: [campaign] } }],
    });
  });

  it('escapes text and resolves relative dates against now', () => {
    expect(compileSegment(one(SegmentField.FirstName, SegmentOperator.StartsWith, 'a.b*'), now)).toEqual({ firstName: { $regex: '^a\\.b\\*', $options: 'i' } });
    expect(compileSegment(one(SegmentField.LastContactedAt, SegmentOperator.WithinLastDays, 30), now)).toEqual({ 'campaignHistory.lastContactedAt': { $gte: new Date('2026-05-02T00:00:00Z') } });
  });

  it.each([
    ['an object as a value', one(SegmentField.FirstName, SegmentOperator.Equals, { $gt: '' })],
    ['an operator that does not fit the field', one(SegmentField.Tags, SegmentOperator.GreaterThan, 3)],
    ['an unknown field', one('password' as SegmentField, SegmentOperator.Equals, 'x')],
    ['a value outside the field’s list', one(SegmentField.SmsConsent, SegmentOperator.Equals, 'maybe')],
    ['a bad date', one(SegmentField.SaleDate, SegmentOperator.Before, 'yesterday')],
  ])('refuses %s with SEGMENT_INVALID naming the condition', (_, definition) => {
    expect(() => compileSegment(definition, now)).toThrow(expect.objectContaining({ code: 'SEGMENT_INVALID', details: [expect.objectContaining({ field: 'groups.0.conditions.0' })] }));
  });
});
