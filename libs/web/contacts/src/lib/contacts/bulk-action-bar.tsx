import { BulkContactAction } from '@cadence/web-api-client';
import { Alert, Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { plural } from '../shared/format';
import type { Selection } from './selection';
import { isEmptySelection, MAX_SELECTED_IDS, pageSelectionState } from './selection';

export interface BulkActionBarProps {
  selection: Selection;
  count: number;
  total: number;
  pageIds: readonly string[];
  onSelectAllMatching: () => void;
  onClear: () => void;
  onAction: (action: BulkContactAction) => void;
}

/** Shown while something is selected: how much, how to widen it to the whole filter, and the actions. */
export function BulkActionBar({ selection, count, total, pageIds, onSelectAllMatching, onClear, onAction }: BulkActionBarProps) {
  if (isEmptySelection(selection)) return null;
  const wholePage = pageSelectionState(selection, pageIds) === 'all';
  const tooMany = selection.kind === 'ids' && selection.ids.size > MAX_SELECTED_IDS;

  return (
    <Paper withBorder p="sm" mb="md" bg="var(--mantine-color-indigo-light)" role="region" aria-label="Bulk actions">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600} role="status" aria-live="polite">
          {selection.kind === 'all-matching'
            ? `All ${plural(count, 'matching contact')} selected`
            : `${plural(count, 'contact')} selected`}
        </Text>
        <Group gap="xs" wrap="wrap">
          {selection.kind === 'ids' && wholePage && total > count ? (
            <Anchor component="button" type="button" size="sm" onClick={onSelectAllMatching}>
              Select all {plural(total, 'matching contact')}
            </Anchor>
          ) : null}
          <Anchor component="button" type="button" size="sm" onClick={onClear}>
            Clear selection
          </Anchor>
        </Group>
      </Group>
      {tooMany ? (
        <Alert color="yellow" variant="light" mt="xs" role="note">
          Pick at most {MAX_SELECTED_IDS.toLocaleString()} contacts one by one, or select all contacts matching the filter.
        </Alert>
      ) : null}
      <Group gap="xs" mt="sm" wrap="wrap">
        <Button size="xs" onClick={() => onAction(BulkContactAction.tag)} disabled={tooMany}>
          Add tags
        </Button>
        <Button size="xs" variant="default" onClick={() => onAction(BulkContactAction.untag)} disabled={tooMany}>
          Remove tags
        </Button>
        <Button size="xs" variant="default" onClick={() => onAction(BulkContactAction['add-to-campaign'])} disabled={tooMany}>
          Add to campaign
        </Button>
        <Button size="xs" variant="default" color="red" onClick={() => onAction(BulkContactAction['mark-do-not-contact'])} disabled={tooMany}>
          Mark do not contact
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => onAction(BulkContactAction.delete)} disabled={tooMany}>
          Delete
        </Button>
      </Group>
    </Paper>
  );
}
