import { MongoClient } from 'mongodb';
import { startTestInfrastructure } from './test-infrastructure';

describe('startTestInfrastructure', () => {
  it('gives each test file its own database and queue prefix, so suites running side by side never meet', async () => {
    const [a, b] = await Promise.all([startTestInfrastructure(), startTestInfrastructure()]);
    try {
      expect(a.urls.queuePrefix).not.toBe(b.urls.queuePrefix);
      const clientA = await MongoClient.connect(a.urls.mongoUrl);
      const clientB = await MongoClient.connect(b.urls.mongoUrl);
      try {
        await clientA.db().collection('things').insertOne({ owner: 'a' });
        expect(await clientB.db().collection('things').countDocuments()).toBe(0);
        expect(await clientA.db().collection('things').countDocuments()).toBe(1);
      } finally {
        await clientA.close();
        await clientB.close();
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
