import { Alert, Badge, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { forwardRef } from 'react';
import type { ColumnMapping, ImportField } from './mapping';
import { CONTACT_FIELDS, duplicateSingleFields, FIELD_OPTIONS, hasContactColumn, IMPORT_FIELDS } from './mapping';

export interface MappingEditorProps {
  columns: readonly string[];
  mapping: ColumnMapping;
  /** The server's suggestion, to point out what the agent changed. */
  suggested: ColumnMapping;
  onChange: (column: string, field: ImportField) => void;
  /** Raw values of each column from the first rows, to recognise a column by its content. */
  samples?: Record<string, string[]>;
  /** Set when the agent tried to go on without a phone or email column. */
  showRequiredError?: boolean;
}

function noteOf(field: ImportField, changed: boolean, duplicateOf: ImportField | undefined): { text: string; color: string } | null {
  if (CONTACT_FIELDS.has(field)) return { text: 'Contact column', color: 'teal' };
  if (duplicateOf) return { text: `Fallback for ${IMPORT_FIELDS[duplicateOf].label.toLowerCase()}`, color: 'gray' };
  if (field === 'custom' && !changed) return { text: 'Not recognised', color: 'yellow' };
  if (changed) return { text: 'Changed', color: 'indigo' };
  return null;
}

/**
 * One choice per column of the file. A phone or email column is what makes a row a reachable
 * contact, so the editor marks those columns and says plainly when there is none.
 */
export const MappingEditor = forwardRef<HTMLDivElement, MappingEditorProps>(function MappingEditor(
  { columns, mapping, suggested, onChange, samples, showRequiredError = false },
  ref,
) {
  const satisfied = hasContactColumn(mapping);
  const duplicates = duplicateSingleFields(mapping);

  return (
    <Stack gap="md" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {satisfied ? (
        <Alert color="teal" variant="light" role="status" title="Required column mapped">
          {Object.entries(mapping)
            .filter(([, field]) => CONTACT_FIELDS.has(field))
            .map(([column]) => `“${column}”`)
            .join(', ')}{' '}
          {Object.values(mapping).filter((field) => CONTACT_FIELDS.has(field)).length === 1 ? 'gives' : 'give'} each contact
          a phone or email.
        </Alert>
      ) : (
        <Alert
          color={showRequiredError ? 'red' : 'yellow'}
          variant="light"
          role={showRequiredError ? 'alert' : 'status'}
          title="Map a phone or email column"
        >
          At least one column must be mapped to <strong>Phone</strong> or <strong>Email</strong> (required): without one,
          no row can become a contact you can reach.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" role="group" aria-label="Column mapping">
        {columns.map((column) => {
          const field = mapping[column] ?? 'ignore';
          const changed = suggested[column] !== undefined && suggested[column] !== field;
          const note = noteOf(field, changed, duplicates.get(column));
          return (
            <Select
              key={column}
              label={
                <Group gap={6} component="span" wrap="nowrap">
                  <span>{column}</span>
                  {note ? (
                    <Badge size="xs" variant="light" color={note.color} component="span" data-testid={`mapping-note-${column}`}>
                      {note.text}
                    </Badge>
                  ) : null}
                </Group>
              }
              aria-label={column}
              data={FIELD_OPTIONS}
              value={field}
              onChange={(value) => value && onChange(column, value as ImportField)}
              allowDeselect={false}
              searchable
              error={!satisfied && showRequiredError && (field === 'custom' || field === 'ignore') ? true : undefined}
              description={
                [
                  samples?.[column]?.length ? `e.g. ${samples[column].join(' · ')}` : null,
                  duplicates.has(column) ? 'Another column already fills this field; this one is used only where that one is empty.' : null,
                ]
                  .filter(Boolean)
                  .join(' — ') || undefined
              }
              comboboxProps={{ withinPortal: true }}
            />
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Columns marked “Not recognised” are kept as custom fields unless you choose a field or “Do not import”.
      </Text>
    </Stack>
  );
});
