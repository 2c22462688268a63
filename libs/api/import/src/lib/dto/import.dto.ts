import { ImportDedupePolicy } from '@cadence/api-contact';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsMongoId, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ColumnMapping, ImportField } from '../mapping/import-field';
import { ImportPreset } from '../mapping/presets';
import { ImportFormat } from '../parsing/record-source';
import { ImportBatch, ImportOrigin, ImportRowError, ImportStatus } from '../schemas/import-batch.schema';

const jsonField = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

export class PreviewImportRequestDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV (any delimiter, UTF-8 or Windows-1252), XLSX, vCard or JSON; at most 50 MB' })
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({ enum: ImportFormat, enumName: 'ImportFormat', description: 'Detected from the content when omitted' })
  @IsOptional()
  @IsEnum(ImportFormat)
  format?: ImportFormat;

  @ApiPropertyOptional({ enum: ImportPreset, enumName: 'ImportPreset', description: 'Detected from the header row when omitted' })
  @IsOptional()
  @IsEnum(ImportPreset)
  preset?: ImportPreset;

  @ApiPropertyOptional({
    type: 'string',
    description:
      'JSON object: column name → ImportField. Omitted: the suggested mapping. Columns not named are ignored. The preview normalises its sample rows with it; the import uses it.',
    example: '{"Owner Name":"fullName","Phone":"phone","Email":"email"}',
  })
  @IsOptional()
  @Transform(jsonField)
  @IsObject({ message: 'mapping must be a JSON object of column name to field' })
  mapping?: ColumnMapping;
}

export class StartImportRequestDto extends PreviewImportRequestDto {

  @ApiPropertyOptional({ enum: ImportDedupePolicy, enumName: 'ImportDedupePolicy', default: ImportDedupePolicy.CreateOrUpdate })
  @IsOptional()
  @IsEnum(ImportDedupePolicy)
  dedupePolicy?: ImportDedupePolicy;

  @ApiPropertyOptional({ description: 'Add every imported contact to this campaign' })
  @IsOptional()
  @IsMongoId()
  campaignId?: string;

  @ApiPropertyOptional({ description: 'Create a draft campaign with this name and add every imported contact to it' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  newCampaignName?: string;
}

export enum ImportConnector {
  GooglePeople = 'google-people',
  MojoDialer = 'mojo-dialer',
}

export class StartConnectorImportRequestDto {
  @ApiProperty({ enum: ImportConnector, enumName: 'ImportConnector' })
  @IsEnum(ImportConnector)
  connector!: ImportConnector;

  @ApiPropertyOptional({ description: 'Mojo Dialer list id (required for mojo-dialer)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  listId?: string;

  @ApiPropertyOptional({ enum: ImportDedupePolicy, enumName: 'ImportDedupePolicy', default: ImportDedupePolicy.CreateOrUpdate })
  @IsOptional()
  @IsEnum(ImportDedupePolicy)
  dedupePolicy?: ImportDedupePolicy;

  @ApiPropertyOptional()
  @IsOptional()
  @IsMongoId()
  campaignId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  newCampaignName?: string;
}

export class ImportCellErrorDto {
  @ApiProperty({ description: 'Row as the file shows it (header = row 1 for CSV and XLSX; object or card number for JSON and vCard)' })
  rowNumber!: number;

  @ApiProperty({ description: 'Empty for a problem of the whole row' })
  column!: string;

  @ApiProperty()
  value!: string;

  @ApiProperty()
  reason!: string;
}

export class ImportRowErrorDto extends ImportCellErrorDto {
  @ApiProperty({ description: 'false: the row was not imported' })
  rowImported!: boolean;

  static from(error: ImportRowError): ImportRowErrorDto {
    return { rowNumber: error.rowNumber, column: error.column, value: error.value, reason: error.reason, rowImported: error.rowImported };
  }
}

export class PreviewPhoneDto {
  @ApiProperty()
  e164!: string;

  @ApiProperty({ type: String, nullable: true })
  extension!: string | null;

  @ApiProperty()
  dnc!: boolean;
}

export class PreviewAddressDto {
  @ApiProperty()
  street!: string;

  @ApiProperty()
  city!: string;

  @ApiProperty()
  state!: string;

  @ApiProperty()
  zip!: string;
}

export class PreviewContactDto {
  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ type: [PreviewPhoneDto] })
  phones!: PreviewPhoneDto[];

  @ApiProperty({ type: [String] })
  emails!: string[];

  @ApiProperty({ type: () => PreviewAddressDto, nullable: true })
  propertyAddress!: PreviewAddressDto | null;

  @ApiProperty({ type: () => PreviewAddressDto, nullable: true })
  mailingAddress!: PreviewAddressDto | null;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty()
  doNotContact!: boolean;
}

export class PreviewRowDto {
  @ApiProperty()
  rowNumber!: number;

  @ApiProperty({ type: () => PreviewContactDto, nullable: true, description: 'Null: the row would not be imported' })
  contact!: PreviewContactDto | null;

  @ApiProperty({ type: [ImportCellErrorDto] })
  errors!: ImportCellErrorDto[];
}

export class ImportPreviewResponseDto {
  @ApiProperty({ enum: ImportFormat, enumName: 'ImportFormat' })
  format!: ImportFormat;

  @ApiProperty({ enum: ImportPreset, enumName: 'ImportPreset' })
  preset!: ImportPreset;

  @ApiProperty({ type: String, nullable: true, example: 'windows-1252' })
  encoding!: string | null;

  @ApiProperty({ type: String, nullable: true, example: ';' })
  delimiter!: string | null;

  @ApiProperty({ type: [String] })
  columns!: string[];

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ImportField' }, description: 'column → ImportField, from the header row' })
  suggestedMapping!: ColumnMapping;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ImportField' },
    description: 'The mapping the sample rows were normalised with: the request\'s, else the suggested one',
  })
  mapping!: ColumnMapping;

  @ApiProperty({ enum: ImportField, enumName: 'ImportField', isArray: true, description: 'Every field a column can be mapped onto' })
  fields!: ImportField[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'column → up to three non-empty raw values from the first rows, as the file has them',
  })
  columnSamples!: Record<string, string[]>;

  @ApiProperty({ description: 'false: no column maps to a phone or an email; the import would be refused (IMPORT_NO_CONTACT_COLUMN)' })
  contactColumnMapped!: boolean;

  @ApiProperty({ description: 'Rows with data' })
  totalRows!: number;

  @ApiProperty({ type: [PreviewRowDto], description: 'The first ten rows, normalised with `mapping`' })
  sampleRows!: PreviewRowDto[];

  @ApiProperty({ type: [String] })
  warnings!: string[];
}

export class ImportCountsDto {
  @ApiProperty()
  created!: number;

  @ApiProperty()
  updated!: number;

  @ApiProperty({ description: 'Rows merged into a contact an earlier row of the file made' })
  duplicates!: number;

  @ApiProperty({ description: 'Rows the dedupe policy left alone' })
  skipped!: number;

  @ApiProperty({ description: 'Rows not imported' })
  failed!: number;

  @ApiProperty({ description: 'Cell and row problems (see errors.csv)' })
  rowErrors!: number;
}

export class ImportProgressDto {
  @ApiProperty()
  processed!: number;

  @ApiProperty({ type: Number, nullable: true })
  total!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '0-100' })
  percentage!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rows per second in the current run' })
  rowsPerSecond!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Seconds left at the current rate' })
  etaSeconds!: number | null;
}

export class ImportBatchResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ImportStatus, enumName: 'ImportStatus' })
  status!: ImportStatus;

  @ApiProperty({ enum: ImportOrigin, enumName: 'ImportOrigin' })
  origin!: ImportOrigin;

  @ApiProperty({ enum: ImportFormat, enumName: 'ImportFormat', nullable: true })
  format!: ImportFormat | null;

  @ApiProperty({ enum: ImportPreset, enumName: 'ImportPreset' })
  preset!: ImportPreset;

  @ApiProperty({ type: String, nullable: true })
  fileName!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ImportField' }, description: 'column → ImportField' })
  mapping!: ColumnMapping;

  @ApiProperty({ enum: ImportDedupePolicy, enumName: 'ImportDedupePolicy' })
  dedupePolicy!: ImportDedupePolicy;

  @ApiProperty({ type: String, nullable: true })
  campaignId!: string | null;

  @ApiProperty({ type: () => ImportProgressDto })
  progress!: ImportProgressDto;

  @ApiProperty({ type: () => ImportCountsDto })
  counts!: ImportCountsDto;

  @ApiProperty({ type: String, nullable: true })
  failureCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  failureMessage!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  static from(batch: ImportBatch, now: Date): ImportBatchResponseDto {
    return {
      id: batch._id.toHexString(),
      status: batch.status,
      origin: batch.origin,
      format: batch.format ?? null,
      preset: batch.preset,
      fileName: batch.fileName ?? null,
      mapping: batch.mapping,
      dedupePolicy: batch.dedupePolicy,
      campaignId: batch.campaignId?.toHexString() ?? null,
      progress: progressOf(batch, now),
      counts: {
        created: batch.counts?.created ?? 0,
        updated: batch.counts?.updated ?? 0,
        duplicates: batch.counts?.duplicates ?? 0,
        skipped: batch.counts?.skipped ?? 0,
        failed: batch.counts?.failed ?? 0,
        rowErrors: batch.counts?.rowErrors ?? 0,
      },
      failureCode: batch.failureCode ?? null,
      failureMessage: batch.failureMessage ?? null,
      createdAt: batch.createdAt.toISOString(),
      startedAt: batch.startedAt?.toISOString() ?? null,
      completedAt: batch.completedAt?.toISOString() ?? null,
    };
  }
}

export class ImportBatchDetailResponseDto extends ImportBatchResponseDto {
  @ApiProperty({ type: [ImportRowErrorDto], description: 'The first 50 problems in row order; all of them in errors.csv' })
  firstErrors!: ImportRowErrorDto[];
}

export class ImportBatchPageResponseDto {
  @ApiProperty({ type: [ImportBatchResponseDto] })
  items!: ImportBatchResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;
}

/** Rate over the current run (a resumed run does not count the rows its predecessor did). */
function progressOf(batch: ImportBatch, now: Date): ImportProgressDto {
  const total = batch.total ?? null;
  const processed = batch.processed ?? 0;
  const percentage = total === null ? null : total === 0 ? 100 : Math.min(100, Math.round((processed / total) * 1000) / 10);
  const end = batch.completedAt ?? now;
  const seconds = batch.runStartedAt ? (end.getTime() - batch.runStartedAt.getTime()) / 1000 : 0;
  const done = processed - (batch.processedAtRunStart ?? 0);
  const rowsPerSecond = seconds > 0 && done > 0 ? Math.round(done / seconds) : null;
  const etaSeconds = batch.status === ImportStatus.Completed ? 0 : total !== null && rowsPerSecond ? Math.ceil(Math.max(0, total - processed) / rowsPerSecond) : null;
  return { processed, total, percentage, rowsPerSecond, etaSeconds };
}
