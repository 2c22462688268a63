import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { ColumnMapping } from './mapping';
import { hasContactColumn } from './mapping';
import { MappingEditor } from './mapping-editor';

const COLUMNS = ['Owner Name', 'Best Number', 'Notes'];
const SUGGESTED: ColumnMapping = { 'Owner Name': 'fullName', 'Best Number': 'custom', Notes: 'custom' };

function Editor({ showRequiredError = false, onMapping }: { showRequiredError?: boolean; onMapping?: (m: ColumnMapping) => void }) {
  const [mapping, setMapping] = useState<ColumnMapping>(SUGGESTED);
  return (
    <MantineProvider env="test">
      <MappingEditor
        columns={COLUMNS}
        mapping={mapping}
        suggested={SUGGESTED}
        showRequiredError={showRequiredError}
        onChange={(column, field) => {
          const next = { ...mapping, [column]: field };
          setMapping(next);
          onMapping?.(next);
        }}
      />
    </MantineProvider>
  );
}

function choose(column: string, option: string) {
  fireEvent.click(screen.getByRole('combobox', { name: column }));
  fireEvent.click(screen.getByRole('option', { name: option }));
}

describe('MappingEditor', () => {
  it('says a phone or email column is required while none is mapped, and flags unrecognised columns', () => {
    render(<Editor />);

    expect(screen.getByText('Map a phone or email column')).toBeTruthy();
    expect(screen.getByText(/at least one column must be mapped to/i).textContent).toContain('(required)');
    expect(screen.getByTestId('mapping-note-Best Number').textContent).toBe('Not recognised');
    expect(screen.queryByText('Contact column')).toBeNull();
  });

  it('marks the column mapped to Phone as the contact column and clears the requirement', () => {
    const onMapping = jest.fn();
    render(<Editor onMapping={onMapping} />);

    choose('Best Number', 'Phone');

    expect(screen.getByTestId('mapping-note-Best Number').textContent).toBe('Contact column');
    expect(screen.queryByText('Map a phone or email column')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('“Best Number” gives each contact a phone or email.');
    const mapping = onMapping.mock.calls.at(-1)?.[0] as ColumnMapping;
    expect(mapping).toEqual({ 'Owner Name': 'fullName', 'Best Number': 'phone', Notes: 'custom' });
    expect(hasContactColumn(mapping)).toBe(true);
  });

  it('turns the requirement into an alert, and marks the candidate columns invalid, after a try to go on', () => {
    render(<Editor showRequiredError />);

    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Map a phone or email column')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Best Number' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Owner Name' }).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('notes a changed column and a second column for a single field', () => {
    render(<Editor />);

    choose('Notes', 'Do not import');
    expect(screen.getByTestId('mapping-note-Notes').textContent).toBe('Changed');

    choose('Best Number', 'Full name (split into first and last)');
    expect(screen.getByTestId('mapping-note-Best Number').textContent).toBe('Fallback for full name (split into first and last)');
  });
});
