import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ImportPreviewResponseDto, PreviewImportRequestDto, PreviewRowDto } from '../dto/import.dto';
import { ImportConfig } from '../import.config';
import { ImportErrorCode, ImportException } from '../import.exception';
import { ImportField } from '../mapping/import-field';
import { mapRow } from '../mapping/row-mapper';
import { openFile } from '../parsing/open-source';
import { ImportFormat } from '../parsing/record-source';
import { resolveMapping } from './import-setup';

const SAMPLE_ROWS = 10;
const SAMPLES_PER_COLUMN = 3;

/** Reads an upload without storing anything: what we found, how we would map it, ten rows as they would import. */
@Injectable()
export class PreviewImportUseCase {
  constructor(private readonly config: ImportConfig) {}

  async execute(_tenant: Tenant, file: Express.Multer.File | undefined, input: PreviewImportRequestDto): Promise<ImportPreviewResponseDto> {
    if (!file) throw new ImportException(ImportErrorCode.FileMissing, 'Attach the file as the multipart field "file"');
    const source = await openFile(file.buffer, { format: input.format, fileName: file.originalname, xlsxMaxRows: this.config.IMPORT_XLSX_MAX_ROWS });
    const { preset, mapping, suggested, contactColumnMapped } = resolveMapping(source, input.preset, input.mapping, { allowNoContactColumn: true });
    const columnSamples: Record<string, string[]> = Object.fromEntries(source.columns.map((column) => [column, []]));
    const sampleRows: PreviewRowDto[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    let rejected = 0;
    for await (const row of source.rows()) {
      const mapped = mapRow(row, mapping);
      const keys = [...(mapped.draft?.phones.map((p) => p.e164) ?? []), ...(mapped.draft?.emails ?? [])];
      if (keys.some((k) => seen.has(k))) duplicates += 1;
      keys.forEach((k) => seen.add(k));
      if (!mapped.draft) rejected += 1;
      if (sampleRows.length < SAMPLE_ROWS) {
        for (const column of source.columns) {
          const value = row.values[column]?.trim();
          const samples = columnSamples[column];
          if (value && samples.length < SAMPLES_PER_COLUMN && !samples.includes(value)) samples.push(value);
        }
        const draft = mapped.draft;
        sampleRows.push({
          rowNumber: row.rowNumber,
          contact: draft && {
            firstName: draft.firstName,
            lastName: draft.lastName,
            phones: draft.phones.map((p) => ({ e164: p.e164, extension: p.extension, dnc: p.dnc })),
            emails: draft.emails,
            propertyAddress: draft.propertyAddress,
            mailingAddress: draft.mailingAddress,
            tags: draft.tags,
            doNotContact: draft.doNotContact,
          },
          errors: mapped.errors,
        });
      }
    }
    const warnings = [
      ...(contactColumnMapped ? [] : ['No column is mapped to a phone or an email: map one before importing (the import would be refused).']),
      ...(source.details.encoding === 'windows-1252' ? ['The file is not UTF-8; it was read as Windows-1252 (Excel on Windows). Check accented names in the sample.'] : []),
      ...(contactColumnMapped && rejected > 0 ? [`${rejected} row(s) have no valid phone or email and will not be imported.`] : []),
      ...(duplicates > 0 ? [`${duplicates} row(s) repeat a phone or email of an earlier row and will be merged into it.`] : []),
      ...Object.entries(mapping)
        .filter(([, field]) => field === 'custom')
        .map(([column]) => `Column "${column}" is not recognised and will be kept as a custom field.`),
    ];
    return {
      format: source.format ?? ImportFormat.Csv,
      preset,
      encoding: source.details.encoding ?? null,
      delimiter: source.details.delimiter ?? null,
      columns: source.columns,
      suggestedMapping: suggested,
      mapping,
      fields: Object.values(ImportField),
      columnSamples,
      contactColumnMapped,
      totalRows: source.total ?? 0,
      sampleRows,
      warnings,
    };
  }
}
