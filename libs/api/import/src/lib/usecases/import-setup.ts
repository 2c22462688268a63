import { ImportErrorCode, ImportException } from '../import.exception';
import { ColumnMapping, CONTACT_FIELDS, ImportField } from '../mapping/import-field';
import { detectPreset, ImportPreset, suggestMapping } from '../mapping/presets';
import { RecordSource } from '../parsing/record-source';

const FIELDS = new Set<string>(Object.values(ImportField));

/**
 * The mapping an import will use: the caller's (checked: known columns, known fields) or the
 * suggestion from the header. A mapping with neither a phone nor an email column is refused before
 * anything is written, because no row of it could become a reachable contact; a preview allows it
 * (and warns), since its purpose is to let the user fix the mapping.
 */
export function resolveMapping(
  source: RecordSource,
  requestedPreset: ImportPreset | undefined,
  requested: ColumnMapping | undefined,
  options: { allowNoContactColumn?: boolean } = {},
): { preset: ImportPreset; mapping: ColumnMapping; suggested: ColumnMapping; contactColumnMapped: boolean } {
  const preset = requestedPreset ?? detectPreset(source.columns);
  const suggested = suggestMapping(source.columns, preset);
  let mapping: ColumnMapping;
  if (requested) {
    const problems: Array<{ field: string; messages: string[] }> = [];
    const columns = new Set(source.columns);
    for (const [column, field] of Object.entries(requested)) {
      if (!columns.has(column)) problems.push({ field: `mapping.${column}`, messages: [`the file has no column "${column}"`] });
      else if (typeof field !== 'string' || !FIELDS.has(field)) problems.push({ field: `mapping.${column}`, messages: [`"${String(field)}" is not one of ${[...FIELDS].join(', ')}`] });
    }
    if (problems.length > 0) throw new ImportException(ImportErrorCode.MappingInvalid, problems.map((p) => `${p.field}: ${p.messages[0]}`).join('; '), problems);
    mapping = requested;
  } else {
    mapping = suggested;
  }
  const contactColumnMapped = Object.values(mapping).some((field) => CONTACT_FIELDS.has(field));
  if (!contactColumnMapped && !options.allowNoContactColumn) {
    throw new ImportException(ImportErrorCode.NoContactColumn, 'No column is mapped to a phone or an email, so no row could be imported', { columns: source.columns });
  }
  return { preset, mapping, suggested, contactColumnMapped };
}
