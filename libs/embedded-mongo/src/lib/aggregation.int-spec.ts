import { openTarget, type ConformanceTarget, type TestDoc } from '../testing/conformance-target';

describe('aggregation stages used by analytics (conformance)', () => {
  let target: ConformanceTarget;

  // 2024-03-10 is the day New York moves from EST (-05:00) to EDT (-04:00) at 07:00 UTC.
  const beforeDst = new Date('2024-03-10T06:30:00Z');
  const afterDst = new Date('2024-03-10T09:30:00Z');

  beforeAll(async () => {
    target = await openTarget('aggregation');
    await target.db.collection<TestDoc>('events').insertMany([
      { _id: 1, campaign: 'c1', status: 'sent', cost: 2, at: beforeDst },
      { _id: 2, campaign: 'c1', status: 'failed', cost: 1, at: afterDst },
      { _id: 3, campaign: 'c2', status: 'sent', cost: 5, at: afterDst },
      { _id: 4, campaign: 'c2', status: 'sent', cost: 7, at: afterDst, tags: ['a', 'b'] },
    ]);
    await target.db.collection<TestDoc>('campaigns').insertMany([
      { _id: 'c1', name: 'Spring' },
      { _id: 'c2', name: 'Summer' },
    ]);
  });
  afterAll(() => target.close());

  const run = (pipeline: object[]) => target.db.collection('events').aggregate(pipeline).toArray();

  it('$match, $group with $sum of conditions, $sort', async () => {
    const result = await run([
      { $match: { cost: { $gte: 1 } } },
      {
        $group: {
          _id: '$campaign',
          total: { $sum: '$cost' },
          sent: { $sum: { $cond: [{ $eq: ['$status', 'sent'] }, 1, 0] } },
          avg: { $avg: '$cost' },
          max: { $max: '$cost' },
        },
      },
      { $sort: { _id: 1 } },
    ]);
    expect(result).toEqual([
      { _id: 'c1', total: 3, sent: 1, avg: 1.5, max: 2 },
      { _id: 'c2', total: 12, sent: 2, avg: 6, max: 7 },
    ]);
  });

  it('counts documents the way mongoose countDocuments does', async () => {
    expect(await target.db.collection('events').countDocuments({ status: 'sent' })).toBe(3);
  });

  it('$project, $addFields/$set, $limit, $skip, $count', async () => {
    expect(await run([{ $sort: { _id: 1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 0, campaign: 1, double: { $multiply: ['$cost', 2] } } }])).toEqual([
      { campaign: 'c1', double: 2 },
      { campaign: 'c2', double: 10 },
    ]);
    expect(await run([{ $match: { _id: 1 } }, { $addFields: { x: 1 } }, { $set: { y: { $add: ['$x', 1] } } }, { $project: { x: 1, y: 1 } }])).toEqual([{ _id: 1, x: 1, y: 2 }]);
    expect(await run([{ $match: { status: 'sent' } }, { $count: 'sent' }])).toEqual([{ sent: 3 }]);
  });

  it('$lookup with localField/foreignField and with a pipeline and let', async () => {
    const simple = await run([{ $match: { _id: 1 } }, { $lookup: { from: 'campaigns', localField: 'campaign', foreignField: '_id', as: 'c' } }, { $project: { c: 1 } }]);
    expect(simple).toEqual([{ _id: 1, c: [{ _id: 'c1', name: 'Spring' }] }]);
    const withPipeline = await target.db
      .collection('campaigns')
      .aggregate([
        { $lookup: { from: 'events', let: { id: '$_id' }, pipeline: [{ $match: { $expr: { $eq: ['$campaign', '$$id'] } } }, { $count: 'n' }], as: 'stats' } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(withPipeline).toEqual([
      { _id: 'c1', name: 'Spring', stats: [{ n: 2 }] },
      { _id: 'c2', name: 'Summer', stats: [{ n: 2 }] },
    ]);
  });

  it('$unwind, $facet, $bucket', async () => {
    expect(await run([{ $unwind: '$tags' }, { $project: { tags: 1 } }])).toEqual([
      { _id: 4, tags: 'a' },
      { _id: 4, tags: 'b' },
    ]);
    const [facets] = await run([
      { $facet: { byStatus: [{ $group: { _id: '$status', n: { $sum: 1 } } }, { $sort: { _id: 1 } }], total: [{ $count: 'n' }] } },
    ]);
    expect(facets).toEqual({ byStatus: [{ _id: 'failed', n: 1 }, { _id: 'sent', n: 3 }], total: [{ n: 4 }] });
    expect(await run([{ $bucket: { groupBy: '$cost', boundaries: [0, 3, 6, 10], default: 'other', output: { n: { $sum: 1 } } } }])).toEqual([
      { _id: 0, n: 2 },
      { _id: 3, n: 1 },
      { _id: 6, n: 1 },
    ]);
  });

  it('date operators with a timezone across a DST change', async () => {
    const result = await run([
      { $match: { _id: { $in: [1, 2] } } },
      { $sort: { _id: 1 } },
      {
        $project: {
          day: { $dateToString: { date: '$at', format: '%Y-%m-%d %H:%M', timezone: 'America/New_York' } },
          hour: { $hour: { date: '$at', timezone: 'America/New_York' } },
          utcHour: { $hour: '$at' },
          weekday: { $dayOfWeek: { date: '$at', timezone: 'America/New_York' } },
        },
      },
    ]);
    expect(result).toEqual([
      { _id: 1, day: '2024-03-10 01:30', hour: 1, utcHour: 6, weekday: 1 },
      { _id: 2, day: '2024-03-10 05:30', hour: 5, utcHour: 9, weekday: 1 },
    ]);
  });

  it('fails loudly on stages it cannot run', async () => {
    await expect(run([{ $out: 'copy' }])).rejects.toMatchObject({ code: 115 });
    await expect(run([{ $noSuchStage: {} }])).rejects.toMatchObject({ code: 40324 });
  });
});
