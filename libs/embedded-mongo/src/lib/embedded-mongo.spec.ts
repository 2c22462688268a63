import { embeddedMongo } from './embedded-mongo';

describe('embeddedMongo', () => {
  it('should work', () => {
    expect(embeddedMongo()).toEqual('embedded-mongo');
  })
})
