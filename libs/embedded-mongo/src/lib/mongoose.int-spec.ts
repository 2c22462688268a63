import mongoose, { Schema, type Connection } from 'mongoose';
import { openTarget, type ConformanceTarget } from '../testing/conformance-target';

describe('mongoose against the server (conformance)', () => {
  let target: ConformanceTarget;
  let connection: Connection;

  const authorSchema = new Schema({ name: String, email: { type: String, unique: true } }, { timestamps: true });
  const bookSchema = new Schema({ title: String, author: { type: Schema.Types.ObjectId, ref: 'Author' } });
  const shelfSchema = new Schema({ label: String, books: [{ type: Schema.Types.ObjectId, ref: 'Book' }] });

  beforeAll(async () => {
    target = await openTarget('mongoose');
    connection = await mongoose.createConnection(target.uri, { dbName: target.dbName }).asPromise();
  });
  afterAll(async () => {
    await connection.close();
    await target.close();
  });

  it('builds indexes, creates, and reports duplicate keys as MongoServerError 11000', async () => {
    const Author = connection.model('Author', authorSchema);
    await Author.init();
    const indexes = await Author.collection.listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toContain('email_1');
    await Author.create({ name: 'Bob', email: 'bob@x.io' });
    const error = await Author.create({ name: 'Bobby', email: 'bob@x.io' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MongoServerError', code: 11000, keyValue: { email: 'bob@x.io' }, keyPattern: { email: 1 } });
    const inserted = await Author.insertMany([{ email: 'c@x.io' }, { email: 'bob@x.io' }, { email: 'd@x.io' }], { ordered: false }).catch((e: unknown) => e);
    expect(inserted).toMatchObject({ name: 'MongoBulkWriteError' });
    expect(await Author.countDocuments()).toBe(3);
  });

  it('populates nested references', async () => {
    const Author = connection.model('Author', authorSchema);
    const Book = connection.model('Book', bookSchema);
    const Shelf = connection.model('Shelf', shelfSchema);
    const author = await Author.create({ name: 'Ann', email: 'ann@x.io' });
    const books = await Book.create([{ title: 'One', author: author._id }, { title: 'Two', author: author._id }]);
    await Shelf.create({ label: 'top', books: books.map((b) => b._id) });
    const shelf = await Shelf.findOne({ label: 'top' }).populate({ path: 'books', populate: { path: 'author' } }).lean();
    expect(shelf?.books.map((b) => (b as unknown as { title: string; author: { name: string } }).author.name)).toEqual(['Ann', 'Ann']);
  });

  it('upserts with timestamps and $setOnInsert, and finds one and updates', async () => {
    const Author = connection.model('Author', authorSchema);
    const result = await Author.updateOne({ email: 'new@x.io' }, { $set: { name: 'New' } }, { upsert: true });
    expect(result).toMatchObject({ upsertedCount: 1, matchedCount: 0 });
    const created = await Author.findOne({ email: 'new@x.io' }).lean();
    expect(created?.createdAt).toBeInstanceOf(Date);
    const updated = await Author.findOneAndUpdate({ email: 'new@x.io' }, { name: 'Renamed' }, { returnDocument: 'after' }).lean();
    expect(updated?.name).toBe('Renamed');
    expect(await Author.estimatedDocumentCount()).toBeGreaterThan(0);
    expect((await Author.distinct('email')).length).toBe(await Author.countDocuments());
  });

  it('iterates a cursor', async () => {
    const Book = connection.model('Book', bookSchema);
    await Book.insertMany(Array.from({ length: 300 }, (_, i) => ({ title: `t${i}` })));
    let seen = 0;
    for await (const book of Book.find({ title: /^t/ }).cursor()) if (book.title) seen++;
    expect(seen).toBe(300);
  });
});
