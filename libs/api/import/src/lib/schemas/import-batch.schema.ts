import { ContactSource, ImportDedupePolicy } from '@cadence/api-contact';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ColumnMapping } from '../mapping/import-field';
import { ImportPreset } from '../mapping/presets';
import { ImportFormat } from '../parsing/record-source';

export enum ImportStatus {
  Queued = 'queued',
  Processing = 'processing',
  Completed = 'completed',
  Failed = 'failed',
}

export enum ImportOrigin {
  File = 'file',
  GooglePeople = 'google-people',
  MojoDialer = 'mojo-dialer',
}

@Schema({ _id: false })
export class ImportCounts {
  @Prop({ type: Number, default: 0 })
  created!: number;

  @Prop({ type: Number, default: 0 })
  updated!: number;

  /** Rows merged into a contact an earlier row of the same import made. */
  @Prop({ type: Number, default: 0 })
  duplicates!: number;

  /** Rows the dedupe policy left alone (create-only: exists; update-only: no match). */
  @Prop({ type: Number, default: 0 })
  skipped!: number;

  /** Rows not imported (no valid phone or email, or a write conflict). */
  @Prop({ type: Number, default: 0 })
  failed!: number;

  /** Cell and row problems, including those of rows that were imported. */
  @Prop({ type: Number, default: 0 })
  rowErrors!: number;
}
const ImportCountsSchema = SchemaFactory.createForClass(ImportCounts);

@Schema({ collection: 'importBatches', timestamps: true })
export class ImportBatch {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, enum: Object.values(ImportStatus), required: true })
  status!: ImportStatus;

  @Prop({ type: String, enum: Object.values(ImportOrigin), required: true })
  origin!: ImportOrigin;

  @Prop({ type: String, enum: [...Object.values(ImportFormat), null], default: null })
  format!: ImportFormat | null;

  @Prop({ type: String, enum: Object.values(ImportPreset), required: true })
  preset!: ImportPreset;

  @Prop({ type: String, enum: Object.values(ContactSource), required: true })
  contactSource!: ContactSource;

  @Prop({ type: String, default: null })
  fileName!: string | null;

  /** The upload in GridFS, where a worker on another machine reads it; deleted when the import ends. */
  @Prop({ type: Types.ObjectId, default: null })
  fileId!: Types.ObjectId | null;

  @Prop({ type: Number, default: 0 })
  fileSize!: number;

  /** Mojo Dialer list to read, for connector imports. */
  @Prop({ type: String, default: null })
  listId!: string | null;

  @Prop({ type: Object, required: true })
  mapping!: ColumnMapping;

  @Prop({ type: String, enum: Object.values(ImportDedupePolicy), required: true })
  dedupePolicy!: ImportDedupePolicy;

  @Prop({ type: Types.ObjectId, default: null })
  campaignId!: Types.ObjectId | null;

  /** Rows with data; null until a connector reports its count. */
  @Prop({ type: Number, default: null })
  total!: number | null;

  @Prop({ type: Number, default: 0 })
  processed!: number;

  @Prop({ type: ImportCountsSchema, default: () => ({}) })
  counts!: ImportCounts;

  /** The last row whose chunk is fully written; a resumed run skips rows up to it. */
  @Prop({ type: Number, default: 0 })
  checkpointRow!: number;

  /** The run that owns the batch; a checkpoint from a superseded run is refused. */
  @Prop({ type: String, default: null })
  runId!: string | null;

  @Prop({ type: Date, default: null })
  runStartedAt!: Date | null;

  /** `processed` when the current run started, so the rate measures this run only. */
  @Prop({ type: Number, default: 0 })
  processedAtRunStart!: number;

  @Prop({ type: Date, default: null })
  startedAt!: Date | null;

  @Prop({ type: Date, default: null })
  completedAt!: Date | null;

  @Prop({ type: String, default: null })
  failureCode!: string | null;

  @Prop({ type: String, default: null })
  failureMessage!: string | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ImportBatchSchema = SchemaFactory.createForClass(ImportBatch);
// The imports page lists an agent's batches, newest first.
ImportBatchSchema.index({ userId: 1, createdAt: -1, _id: -1 });

/** One problem of one row (a bad cell, or why the row was not imported). */
@Schema({ collection: 'importRowErrors', timestamps: { createdAt: true, updatedAt: false } })
export class ImportRowError {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  importBatchId!: Types.ObjectId;

  @Prop({ type: Number, required: true })
  rowNumber!: number;

  /** Empty for a problem of the whole row. */
  @Prop({ type: String, default: '' })
  column!: string;

  @Prop({ type: String, default: '' })
  value!: string;

  @Prop({ type: String, required: true })
  reason!: string;

  @Prop({ type: Boolean, required: true })
  rowImported!: boolean;

  createdAt!: Date;
}

export const ImportRowErrorSchema = SchemaFactory.createForClass(ImportRowError);
// A batch's errors in row order (detail page, errors.csv); unique so a resumed chunk rewrites, not doubles, them.
ImportRowErrorSchema.index({ importBatchId: 1, rowNumber: 1, column: 1, value: 1 }, { unique: true });
