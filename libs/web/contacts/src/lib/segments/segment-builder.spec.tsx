import type { SegmentDefinitionDto } from '@cadence/web-api-client';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { installFakeApi, json } from '../../testing/fake-api';
import { renderWithProviders } from '../../testing/render';
import { SegmentBuilder } from './segment-builder';
import { SegmentCount } from './segment-count';
import { describeDefinition, emptyDefinition } from './segment-fields';

function Builder({ onDefinition }: { onDefinition: (d: SegmentDefinitionDto) => void }) {
  const [definition, setDefinition] = useState<SegmentDefinitionDto>(emptyDefinition());
  return (
    <>
      <SegmentBuilder
        value={definition}
        onChange={(next) => {
          setDefinition(next);
          onDefinition(next);
        }}
      />
      <SegmentCount definition={definition} />
    </>
  );
}

function choose(name: string, option: string) {
  fireEvent.click(screen.getByRole('combobox', { name }));
  fireEvent.click(screen.getByRole('option', { name: option }));
}

function addTag(name: string, tag: string) {
  const input = screen.getByRole('combobox', { name });
  // Mantine ignores changes to an input that does not have the focus (autofill), so focus it first.
  act(() => input.focus());
  fireEvent.change(input, { target: { value: tag } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

const sampleContact = (id: string, firstName: string) => ({
  id,
  firstName,
  lastName: 'Farm',
  phones: [],
  emails: [],
});

describe('SegmentBuilder with the live count', () => {
  it('emits the definition the API expects and shows how many contacts it matches', async () => {
    const api = installFakeApi({
      'POST /api/v1/segments/preview': (request) => {
        const { definition } = request.body as { definition: SegmentDefinitionDto };
        const conditions = definition.groups.flatMap((g) => g.conditions);
        const count = conditions.length === 1 ? 120 : 31;
        return json(200, { count, sample: [sampleContact('c1', 'Owner119')] });
      },
    });
    const onDefinition = jest.fn();
    renderWithProviders(<Builder onDefinition={onDefinition} />);

    // Incomplete: nothing is asked, and the agent is told why there is no count.
    expect(screen.getByRole('status').textContent).toBe('Finish the conditions to see how many contacts match.');

    addTag('Condition 1: value', 'farm-2026');
    expect(onDefinition).toHaveBeenLastCalledWith({
      match: 'all',
      groups: [{ match: 'all', conditions: [{ field: 'tags', operator: 'hasAny', value: ['farm-2026'] }] }],
    });
    expect(await screen.findByText('120 contacts match', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Owner119 Farm' }).getAttribute('href')).toBe('/contacts/c1');

    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    choose('Condition 2: field', 'Days on market');
    choose('Condition 2: comparison', 'between');
    fireEvent.change(screen.getByRole('textbox', { name: 'Condition 2: value, from' }), { target: { value: '30' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Condition 2: value, to' }), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Any' }));

    const last = onDefinition.mock.calls.at(-1)?.[0] as SegmentDefinitionDto;
    expect(last).toEqual({
      match: 'all',
      groups: [
        {
          match: 'any',
          conditions: [
            { field: 'tags', operator: 'hasAny', value: ['farm-2026'] },
            { field: 'daysOnMarket', operator: 'between', value: [30, 90] },
          ],
        },
      ],
    });
    expect(describeDefinition(last)).toBe('Tags has any of farm-2026 or Days on market between 30 and 90');
    expect(await screen.findByText('31 contacts match', {}, { timeout: 4000 })).toBeTruthy();

    // Typing is debounced: the count was asked for settled definitions only, never for half-typed ones.
    const asked = api.to('POST /api/v1/segments/preview').map((r) => (r.body as { definition: SegmentDefinitionDto }).definition);
    expect(asked.every((d) => d.groups.every((g) => g.conditions.every((c) => c.value !== undefined)))).toBe(true);
    expect(asked.length).toBeLessThanOrEqual(3);
  });

  it("shows the API's message when a definition cannot be counted", async () => {
    installFakeApi({
      'POST /api/v1/segments/preview': () =>
        json(400, { statusCode: 400, code: 'SEGMENT_INVALID', message: 'groups.0.conditions.0: "zz" is not a campaign id' }),
    });
    renderWithProviders(<Builder onDefinition={jest.fn()} />);

    choose('Condition 1: field', 'Campaigns (by id)');
    addTag('Condition 1: value', 'zz');

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('is not a campaign id'));
    expect(screen.getByText('Error code: SEGMENT_INVALID')).toBeTruthy();
  });

  it('removes a condition and, with a single group left, offers no group-level match', async () => {
    installFakeApi({ 'POST /api/v1/segments/preview': () => json(200, { count: 0, sample: [] }) });
    const onDefinition = jest.fn();
    renderWithProviders(<Builder onDefinition={onDefinition} />);

    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));
    expect(screen.getByRole('radiogroup', { name: 'How the groups combine' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove Group 2, condition 1' }));
    });
    expect(screen.queryByRole('radiogroup', { name: 'How the groups combine' })).toBeNull();
    expect((onDefinition.mock.calls.at(-1)?.[0] as SegmentDefinitionDto).groups).toHaveLength(1);
  });
});
