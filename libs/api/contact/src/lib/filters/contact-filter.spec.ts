import { Types } from 'mongoose';
import { ContactException } from '../contact.exception';
import { compileContactFilter } from './contact-filter';

const tenant = { userId: new Types.ObjectId().toHexString(), teamId: null };

describe('compileContactFilter', () => {
  it('makes each typed word an anchored, case-sensitive prefix of the folded tokens (an index range scan on MongoDB)', () => {
    expect(compileContactFilter({ search: '  José  MÜLL ' }, tenant)).toEqual({
      $and: [{ searchTokens: { $regex: '^jose' } }, { searchTokens: { $regex: '^mull' } }],
    });
  });

  it('reduces a phone number typed in any format to its digits', () => {
    for (const typed of ['(760) 555-0134', '760.555.0134', '+1 760 555 0134']) {
      const digits = typed.replace(/\D/g, '');
      expect(compileContactFilter({ search: typed }, tenant)).toEqual({ searchTokens: { $regex: `^${digits}` } });
    }
  });

  it('escapes regex characters so a search is always a literal prefix', () => {
    expect(compileContactFilter({ search: 'a.b+c@x' }, tenant)).toEqual({ searchTokens: { $regex: '^a\\.b\\+c@x' } });
  });

  it('filters by import batch, and refuses a segment it cannot load rather than ignoring it', () => {
    const batch = new Types.ObjectId();
    expect(compileContactFilter({ importBatchId: batch.toHexString() }, tenant)).toEqual({ importBatchId: batch });
    expect(() => compileContactFilter({ segmentId: batch.toHexString() }, tenant)).toThrow(ContactException);
  });
});
