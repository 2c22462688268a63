import { Button, Menu } from '@mantine/core';
import { MERGE_FIELD_GROUPS, mergeTag } from '../shared/merge-fields';

export interface MergeFieldPickerProps {
  /** Says where the tag goes, e.g. "Insert merge field into the message". */
  label: string;
  onPick: (tag: string) => void;
}

/** The fields the API knows, grouped; a pick inserts `{{field}}` (with a sensible fallback) at the caret. */
export function MergeFieldPicker({ label, onPick }: MergeFieldPickerProps) {
  return (
    <Menu position="bottom-start" withinPortal shadow="md" width={240}>
      <Menu.Target>
        <Button size="compact-sm" variant="light" aria-label={label}>
          Insert merge field
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        {MERGE_FIELD_GROUPS.map((group) => (
          <div key={group.group}>
            <Menu.Label>{group.group}</Menu.Label>
            {group.fields.map((field) => (
              <Menu.Item key={field.name} onClick={() => onPick(mergeTag(field.name, field.fallback))}>
                {field.label}
              </Menu.Item>
            ))}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
