import { AppConfig, CoreModule, loadConfig } from '@cadence/api-core';
import { ImportWorkerModule } from '@cadence/api-import';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Connection, Types } from 'mongoose';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { AppModule } from '../src/app/app.module';
import { configureHttp } from '../src/app/configure-app';

interface Agent {
  id: string;
  auth: { Authorization: string };
}

const CSV = [
  'First Name;Last Name;Phone;Mobile;Email;Address;City;State;Zip;Tags',
  'JOSÉ;MÜLLER;(760) 555-0134;+1 760 555 0135;Jose@Example.COM;74-123 FAIRWAY DR;PALM DESERT;California;92260-1234;farm',
  'ann;lee;760.555.0136 x12;;ann@example.com;5 Elm St;Austin;TX;78701;',
  'Bad;Number;211;;not-an-email;;;;;',
  ';;;;;;;;;',
  'José;Müller;760-555-0134;;jose.second@example.com;;;;;"sphere, farm"',
  'Zoë;Núñez;;;zoe@example.com;1 Main St;Boston;MA;2134;',
  'Pat;Partial;(999) 555-0100;;pat@example.com;;;Narnia;;',
].join('\r\n');

describe('imports (real app + in-process worker, embedded MongoDB, real Redis)', () => {
  let infrastructure: TestInfrastructure;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let agent: Agent;
  let registered = 0;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    setTestEnv({ IMPORT_MAX_FILE_MB: '1', IMPORT_CHUNK_SIZE: '10' });
    infrastructure = await startTestInfrastructure();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(infrastructure.urls)] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    configureHttp(app, loadConfig(AppConfig));
    await app.init();
    const workerRef = await Test.createTestingModule({ imports: [CoreModule.forRoot(infrastructure.urls), ImportWorkerModule] }).compile();
    worker = await workerRef.init();
    agent = await registerAgent(app);
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await infrastructure.stop();
  });

  async function registerAgent(target: INestApplication): Promise<Agent> {
    registered += 1;
    const response = await request(target.getHttpServer()).post('/api/v1/auth/register').send({ email: `imports${registered}@example.com`, password: 'correct horse battery', name: 'Importer' }).expect(201);
    return { id: response.body.user.id, auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  function upload(path: string, content: Buffer | string, fileName: string, fields: Record<string, string> = {}, who: Agent = agent) {
    let req = http().post(path).set(who.auth).attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), fileName);
    for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
    return req;
  }

  async function waitForImport(id: string, who: Agent = agent): Promise<Record<string, any>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const batch = (await http().get(`/api/v1/imports/${id}`).set(who.auth).expect(200)).body;
      if (batch.status === 'completed' || batch.status === 'failed') return batch;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${batch.status} after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const contacts = async (query: Record<string, string | number> = {}, who: Agent = agent) => (await http().get('/api/v1/contacts').set(who.auth).query({ limit: 100, ...query }).expect(200)).body;

  it('previews a file: format, encoding, delimiter, suggested mapping, ten normalised rows and warnings', async () => {
    const windows1252 = Buffer.from('Owner Name\tPhone\tZIP\r\nPEÑA, JOSÉ\t(760) 555-0150\t92008\r\n', 'latin1');
    const preview = (await upload('/api/v1/imports/preview', windows1252, 'farm.txt').expect(200)).body;
    expect(preview).toMatchObject({ format: 'csv', preset: 'title-rep', encoding: 'windows-1252', delimiter: '\t', columns: ['Owner Name', 'Phone', 'ZIP'], totalRows: 1 });
    expect(preview.suggestedMapping).toEqual({ 'Owner Name': 'fullName', Phone: 'phone', ZIP: 'propertyZip' });
    expect(preview.sampleRows[0].contact).toMatchObject({ firstName: 'José', lastName: 'Peña', phones: [{ e164: '+17605550150' }], propertyAddress: { zip: '92008' } });
    expect(preview.warnings[0]).toMatch(/Windows-1252/);

    const generic = (await upload('/api/v1/imports/preview', CSV, 'contacts.csv').expect(200)).body;
    expect(generic).toMatchObject({ delimiter: ';', encoding: 'utf-8', totalRows: 6 });
    expect(generic.sampleRows.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([2, 3, 4, 6, 7, 8]);
    expect(generic.sampleRows[2]).toMatchObject({ contact: null, errors: expect.arrayContaining([expect.objectContaining({ column: 'Phone', value: '211' })]) });
    expect(generic.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/1 row\(s\) have no valid phone/), expect.stringMatching(/1 row\(s\) repeat/)]));
    expect((await http().get('/api/v1/imports').set(agent.auth).expect(200)).body.total).toBe(0);
  });

  it('previews with an edited mapping, shows raw values per column, and warns (200) when nothing maps to a phone or email', async () => {
    const file = 'Who,Best Number,Town\r\n"GARCÍA, ANA",(760) 555-0177,Austin\r\nBob Ray,760.555.0178,Boise\r\n';
    const suggested = (await upload('/api/v1/imports/preview', file, 'odd.csv').expect(200)).body;
    expect(suggested.contactColumnMapped).toBe(false);
    expect(suggested.warnings[0]).toMatch(/No column is mapped to a phone or an email/);
    expect(suggested.sampleRows.every((row: { contact: unknown }) => row.contact === null)).toBe(true);
    expect(suggested.columnSamples).toEqual({ Who: ['GARCÍA, ANA', 'Bob Ray'], 'Best Number': ['(760) 555-0177', '760.555.0178'], Town: ['Austin', 'Boise'] });
    expect(suggested.fields).toEqual(expect.arrayContaining(['phone', 'email', 'fullName', 'ignore']));

    const mapping = JSON.stringify({ Who: 'fullName', 'Best Number': 'phone', Town: 'propertyCity' });
    const edited = (await upload('/api/v1/imports/preview', file, 'odd.csv', { mapping }).expect(200)).body;
    expect(edited).toMatchObject({ contactColumnMapped: true, mapping: { Who: 'fullName', 'Best Number': 'phone', Town: 'propertyCity' } });
    expect(edited.suggestedMapping).toEqual(suggested.suggestedMapping);
    expect(edited.sampleRows[0].contact).toMatchObject({ firstName: 'Ana', lastName: 'García', phones: [{ e164: '+17605550177' }] });
    expect(edited.warnings.join(' ')).not.toMatch(/No column is mapped/);

    const refused = await upload('/api/v1/imports', file, 'odd.csv').expect(400);
    expect(refused.body.code).toBe('IMPORT_NO_CONTACT_COLUMN');
    const badMapping = await upload('/api/v1/imports/preview', file, 'odd.csv', { mapping: '{"Best Number":"telephone"}' }).expect(400);
    expect(badMapping.body.code).toBe('IMPORT_MAPPING_INVALID');
  });

  it('refuses bad files with a clear code and stores nothing', async () => {
    const bad = agent;
    const code = async (content: string | Buffer, name: string, fields: Record<string, string> = {}) => (await upload('/api/v1/imports', content, name, fields, bad).expect(400)).body.code;
    expect(await code('', 'empty.csv')).toBe('IMPORT_FILE_EMPTY');
    expect(await code('Name,Phone\r\n', 'header-only.csv')).toBe('IMPORT_FILE_EMPTY');
    expect(await code('Name,Phone\n"Ann,760 555 0134\n', 'broken.csv')).toBe('IMPORT_FILE_UNPARSEABLE');
    expect(await code('{"not": "an array"}', 'x.json')).toBe('IMPORT_FILE_UNPARSEABLE');
    expect(await code('Name,City\nAnn,Austin\n', 'no-contact.csv')).toBe('IMPORT_NO_CONTACT_COLUMN');
    expect(await code('Name,Phone\nAnn,760 555 0134\n', 'm.csv', { mapping: '{"Nope":"phone"}' })).toBe('IMPORT_MAPPING_INVALID');
    expect(await code(Buffer.alloc(1024 * 1024 + 10, 'a'), 'huge.csv')).toBe('IMPORT_FILE_TOO_LARGE');
    const missing = await http().post('/api/v1/imports').set(agent.auth).field('dedupePolicy', 'create-only').expect(400);
    expect(missing.body.code).toBe('IMPORT_FILE_MISSING');
    expect((await http().get('/api/v1/imports').set(agent.auth).expect(200)).body.total).toBe(0);
    const gridFs = await app.get<Connection>(getConnectionToken()).collection('importFiles.files').countDocuments();
    expect(gridFs).toBe(0);
  });

  it('imports a file in the worker: progress, counts, normalised and merged contacts, a new campaign, and errors.csv', async () => {
    const started = await upload('/api/v1/imports', CSV, 'contacts.csv', { newCampaignName: 'Spring farm' }).expect(202);
    expect(started.body).toMatchObject({ status: 'queued', preset: 'generic', progress: { processed: 0, total: 6 } });
    const batch = await waitForImport(started.body.id);
    expect(batch).toMatchObject({
      status: 'completed',
      progress: { processed: 6, total: 6, percentage: 100, etaSeconds: 0 },
      counts: { created: 4, updated: 0, duplicates: 1, skipped: 0, failed: 1 },
    });
    expect(batch.progress.rowsPerSecond).toBeGreaterThan(0);
    expect(batch.firstErrors).toEqual([
      { rowNumber: 4, column: 'Phone', value: '211', reason: '"211" is not a valid phone number', rowImported: false },
      { rowNumber: 4, column: 'Email', value: 'not-an-email', reason: '"not-an-email" is not a valid email address', rowImported: false },
      { rowNumber: 4, column: '', value: '', reason: 'No valid phone number or email; row not imported', rowImported: false },
      { rowNumber: 8, column: 'Phone', value: '(999) 555-0100', reason: '"(999) 555-0100" is not a valid phone number', rowImported: true },
      { rowNumber: 8, column: 'State', value: 'Narnia', reason: '"Narnia" is not a US state', rowImported: true },
    ]);

    const list = await contacts({ sort: 'name' });
    expect(list.total).toBe(4);
    const jose = list.items.find((c: { lastName: string }) => c.lastName === 'Müller');
    expect(jose).toMatchObject({
      firstName: 'José',
      phones: [{ e164: '+17605550134' }, { e164: '+17605550135' }],
      emails: ['jose@example.com', 'jose.second@example.com'],
      propertyAddress: { street: '74-123 Fairway Dr', city: 'Palm Desert', state: 'CA', zip: '92260' },
      tags: ['farm', 'sphere'],
      source: 'csv',
      importBatchId: batch.id,
      timeZone: 'America/Los_Angeles',
    });
    expect(list.items.find((c: { firstName: string }) => c.firstName === 'Zoë').propertyAddress.zip).toBe('02134');
    expect(list.items.find((c: { firstName: string }) => c.firstName === 'ann').phones[0]).toMatchObject({ e164: '+17605550136', extension: '12' });
    expect(batch.campaignId).toMatch(/^[0-9a-f]{24}$/);
    expect((await contacts({ campaignId: batch.campaignId })).total).toBe(4);
    expect((await contacts({ importBatchId: batch.id })).total).toBe(4);
    expect((await contacts({ importBatchId: new Types.ObjectId().toHexString() })).total).toBe(0);
    const timeline = (await http().get(`/api/v1/contacts/${jose.id}/timeline`).set(agent.auth).expect(200)).body;
    expect(timeline.items.map((e: { type: string }) => e.type).sort()).toEqual(['added-to-campaign', 'imported']);

    const csv = await http().get(`/api/v1/imports/${batch.id}/errors.csv`).set(agent.auth).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="import-.*-errors\.csv"/);
    expect(csv.text.split('\r\n')).toEqual([
      'row,column,value,reason,row imported',
      '4,Phone,211,"""211"" is not a valid phone number",no',
      '4,Email,not-an-email,"""not-an-email"" is not a valid email address",no',
      '4,,,No valid phone number or email; row not imported,no',
      '8,Phone,(999) 555-0100,"""(999) 555-0100"" is not a valid phone number",yes',
      '8,State,Narnia,"""Narnia"" is not a US state",yes',
      '',
    ]);
    expect(await app.get<Connection>(getConnectionToken()).collection('importFiles.files').countDocuments()).toBe(0);
  });

  it('dedupes against existing contacts under each policy', async () => {
    const owner = await registerAgent(app);
    await http().post('/api/v1/contacts').set(owner.auth).send({ firstName: 'Existing', phones: [{ number: '619-555-0101' }], tags: ['vip'], realEstate: { salePrice: 100 } }).expect(201);
    const file = 'Name,Phone,Email,Sale Price\nNew Name,+1 619 555 0101,existing@example.com,250000\nFresh Person,619-555-0102,,\n';

    const createOnly = await waitForImport((await upload('/api/v1/imports', file, 'a.csv', { dedupePolicy: 'create-only' }, owner).expect(202)).body.id, owner);
    expect(createOnly.counts).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect((await contacts({ search: '619-555-0101' }, owner)).items[0]).toMatchObject({ firstName: 'Existing', emails: [] });

    const updateOnly = await waitForImport((await upload('/api/v1/imports', file.replace('619-555-0102', '619-555-0103'), 'b.csv', { dedupePolicy: 'update-only' }, owner).expect(202)).body.id, owner);
    expect(updateOnly.counts).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    const merged = (await contacts({ search: '619-555-0101' }, owner)).items[0];
    expect(merged).toMatchObject({ firstName: 'Existing', emails: ['existing@example.com'], tags: ['vip'], realEstate: { salePrice: 250000 } });
    expect((await contacts({ search: '619-555-0103' }, owner)).total).toBe(0);

    const both = await waitForImport((await upload('/api/v1/imports', file.replace('619-555-0102', '619-555-0104'), 'c.csv', {}, owner).expect(202)).body.id, owner);
    expect(both.counts).toMatchObject({ created: 1, updated: 1, skipped: 0 });
    expect((await contacts({}, owner)).total).toBe(3);
  });

  it('imports XLSX, vCard and JSON files the same way', async () => {
    const owner = await registerAgent(app);
    const vcard = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann\r\nTEL;CELL:312-555-0162\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Stone\r\nN:Stone;Bo;;;\r\nEMAIL:bo@example.com\r\nEND:VCARD\r\n';
    const fromVcard = await waitForImport((await upload('/api/v1/imports', vcard, 'phone.vcf', {}, owner).expect(202)).body.id, owner);
    expect(fromVcard).toMatchObject({ format: 'vcard', counts: { created: 2 } });
    const json = JSON.stringify([{ name: 'Cy Young', phone: '(512) 555-0170', address: { zip: '78701' } }]);
    const fromJson = await waitForImport((await upload('/api/v1/imports', json, 'contacts.json', {}, owner).expect(202)).body.id, owner);
    expect(fromJson).toMatchObject({ format: 'json', counts: { created: 1 } });
    const list = await contacts({ sort: 'name' }, owner);
    expect(list.items.map((c: { firstName: string; lastName: string; source: string }) => `${c.firstName} ${c.lastName} ${c.source}`)).toEqual(['Ann Lee vcard', 'Bo Stone vcard', 'Cy Young json']);
    expect(list.items[2].timeZone).toBe('America/Chicago');
  });

  it("never shows another agent's import: 404, never 403 or data", async () => {
    const owner = await registerAgent(app);
    const intruder = await registerAgent(app);
    const batch = await waitForImport((await upload('/api/v1/imports', 'Phone\n211\n760-555-0199\n', 'x.csv', {}, owner).expect(202)).body.id, owner);
    for (const path of [`/api/v1/imports/${batch.id}`, `/api/v1/imports/${batch.id}/errors.csv`, '/api/v1/imports/nope']) {
      const response = await http().get(path).set(intruder.auth).expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    expect((await http().get('/api/v1/imports').set(intruder.auth).expect(200)).body.total).toBe(0);
    expect((await contacts({}, intruder)).total).toBe(0);
    const campaign = new Types.ObjectId();
    await app.get<Connection>(getConnectionToken()).collection('campaigns').insertOne({ _id: campaign, userId: new Types.ObjectId(owner.id), name: 'Theirs' });
    const foreign = await upload('/api/v1/imports', 'Phone\n760-555-0198\n', 'x.csv', { campaignId: campaign.toHexString() }, intruder).expect(404);
    expect(foreign.body.code).toBe('CAMPAIGN_NOT_FOUND');
  });
});

describe('import connectors against local servers that answer like the real APIs', () => {
  let infrastructure: TestInfrastructure;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let server: Server;
  const seen: Array<{ url: string; authorization: string | undefined }> = [];

  function handle(req: IncomingMessage, res: ServerResponse): void {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://local');
    res.setHeader('Content-Type', 'application/json');
    if (req.headers.authorization !== 'Bearer test-token') {
      res.statusCode = 401;
      return void res.end('{"error":{"code":401}}');
    }
    if (url.pathname === '/v1/people/me/connections') {
      const second = url.searchParams.get('pageToken') === 'page-2';
      const people = second
        ? [{ names: [{ givenName: 'Bo', familyName: 'Stone' }], emailAddresses: [{ value: 'BO@example.com' }] }]
        : [
            { names: [{ givenName: 'Ann', familyName: 'Lee', displayName: 'Ann Lee' }], phoneNumbers: [{ value: '(760) 555-0134', canonicalForm: '+17605550134', type: 'mobile' }], addresses: [{ postalCode: '92260', region: 'CA' }] },
            { names: [{ displayName: 'No Contact Info' }] },
          ];
      return void res.end(JSON.stringify({ connections: people, totalPeople: 3, totalItems: 3, ...(second ? {} : { nextPageToken: 'page-2' }) }));
    }
    if (url.pathname === '/api/v1/lists/list-7/leads') {
      const page = Number(url.searchParams.get('page'));
      const leads =
        page === 1
          ? [{ first_name: 'CY', last_name: 'YOUNG', phones: [{ number: '512-555-0170', type: 'mobile', dnc: false }, { number: '512-555-0171', dnc: true }], zip: '78701' }]
          : [{ first_name: 'Di', last_name: 'Dnc', phones: [{ number: '512-555-0172' }], dnc: true }];
      return void res.end(JSON.stringify({ leads, page, total_pages: 2, total: 2 }));
    }
    res.statusCode = 404;
    res.end('{}');
  }

  beforeAll(async () => {
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setTestEnv({ GOOGLE_PEOPLE_API_BASE_URL: base, GOOGLE_PEOPLE_API_TOKEN: 'test-token', MOJO_API_BASE_URL: base, MOJO_API_TOKEN: 'test-token' });
    infrastructure = await startTestInfrastructure();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(infrastructure.urls)] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    configureHttp(app, loadConfig(AppConfig));
    await app.init();
    worker = await (await Test.createTestingModule({ imports: [CoreModule.forRoot(infrastructure.urls), ImportWorkerModule] }).compile()).init();
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await infrastructure.stop();
    await new Promise((resolve) => server.close(resolve));
    for (const key of ['GOOGLE_PEOPLE_API_BASE_URL', 'GOOGLE_PEOPLE_API_TOKEN', 'MOJO_API_BASE_URL', 'MOJO_API_TOKEN']) delete process.env[key];
  });

  it('imports Google contacts page by page and Mojo Dialer leads with per-number and contact DNC', async () => {
    const http = () => request(app.getHttpServer());
    const session = (await http().post('/api/v1/auth/register').send({ email: 'connectors@example.com', password: 'correct horse battery', name: 'C' }).expect(201)).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const wait = async (id: string) => {
      for (let i = 0; i < 300; i++) {
        const batch = (await http().get(`/api/v1/imports/${id}`).set(auth).expect(200)).body;
        if (batch.status === 'completed' || batch.status === 'failed') return batch;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('connector import did not finish');
    };

    const google = await wait((await http().post('/api/v1/imports/connectors').set(auth).send({ connector: 'google-people' }).expect(202)).body.id);
    expect(google).toMatchObject({ status: 'completed', origin: 'google-people', preset: 'google-contacts', progress: { processed: 3, total: 3 }, counts: { created: 2, failed: 1 } });
    const pages = seen.filter((s) => s.url.startsWith('/v1/people/me/connections'));
    expect(pages).toHaveLength(2);
    expect(pages.every((p) => p.authorization === 'Bearer test-token')).toBe(true);
    expect(new URL(pages[0].url, 'http://x').searchParams.get('personFields')).toBe('names,emailAddresses,phoneNumbers,addresses');
    expect(new URL(pages[1].url, 'http://x').searchParams.get('pageToken')).toBe('page-2');

    const mojo = await wait((await http().post('/api/v1/imports/connectors').set(auth).send({ connector: 'mojo-dialer', listId: 'list-7' }).expect(202)).body.id);
    expect(mojo).toMatchObject({ status: 'completed', counts: { created: 2 } });
    const contacts = (await http().get('/api/v1/contacts').set(auth).query({ sort: 'name' }).expect(200)).body.items;
    expect(contacts.map((c: { firstName: string; source: string }) => `${c.firstName}:${c.source}`)).toEqual(['Di:mojo-dialer', 'Ann:google-contacts', 'Bo:google-contacts', 'Cy:mojo-dialer']);
    expect(contacts[3].phones).toEqual([expect.objectContaining({ e164: '+15125550170', dnc: false, type: 'mobile' }), expect.objectContaining({ e164: '+15125550171', dnc: true })]);
    expect(contacts[0]).toMatchObject({ doNotContact: true });
    expect(contacts[2].emails).toEqual(['bo@example.com']);

    const missingList = await http().post('/api/v1/imports/connectors').set(auth).send({ connector: 'mojo-dialer' }).expect(400);
    expect(missingList.body.code).toBe('IMPORT_MAPPING_INVALID');
  });
});
