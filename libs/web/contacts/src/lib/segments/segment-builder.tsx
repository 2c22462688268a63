import { SegmentMatch, SegmentOperator } from '@cadence/web-api-client';
import type { SegmentConditionDto, SegmentDefinitionDto, SegmentField, SegmentGroupDto } from '@cadence/web-api-client';
import { ActionIcon, Box, Button, Fieldset, Group, NumberInput, SegmentedControl, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { ConditionValue, ValueInput } from './segment-fields';
import { conditionProblem, emptyCondition, FIELD_OPTIONS, initialValue, OPERATOR_LABELS, OPERATORS_BY_KIND, SEGMENT_FIELDS, valueInputOf } from './segment-fields';

export interface SegmentBuilderProps {
  value: SegmentDefinitionDto;
  onChange: (definition: SegmentDefinitionDto) => void;
  /** Show what each incomplete condition still needs (after the agent tried to save). */
  showProblems?: boolean;
}

const MAX_GROUPS = 10;
const MAX_CONDITIONS = 20;

function MatchControl({ value, onChange, label }: { value: SegmentMatch; onChange: (match: SegmentMatch) => void; label: string }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      value={value}
      onChange={(next) => onChange(next as SegmentMatch)}
      data={[
        { value: SegmentMatch.all, label: 'All' },
        { value: SegmentMatch.any, label: 'Any' },
      ]}
    />
  );
}

function ValueEditor({
  input,
  condition,
  label,
  error,
  onChange,
}: {
  input: ValueInput;
  condition: SegmentConditionDto;
  label: string;
  error?: string;
  onChange: (value: ConditionValue) => void;
}) {
  const spec = SEGMENT_FIELDS[condition.field];
  const value = condition.value;
  const list = Array.isArray(value) ? value.map(String) : [];
  const pair = Array.isArray(value) ? value : [];
  switch (input) {
    case 'none':
      return null;
    case 'boolean':
      return (
        <SegmentedControl
          aria-label={label}
          value={value === false ? 'no' : 'yes'}
          onChange={(next) => onChange(next === 'yes')}
          data={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
      );
    case 'choice':
      return (
        <Select
          aria-label={label}
          data={spec.choices ? [...spec.choices] : []}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next ?? undefined)}
          placeholder="Choose"
          error={error}
        />
      );
    case 'list':
      return spec.choices ? (
        <TagsInput
          aria-label={label}
          data={spec.choices.map((c) => c.value)}
          value={list}
          onChange={(next) => onChange(next)}
          placeholder="Choose values"
          error={error}
        />
      ) : (
        <TagsInput
          aria-label={label}
          value={list}
          onChange={(next) => onChange(next)}
          placeholder={condition.field === 'campaigns' ? 'Campaign ids, Enter after each' : 'Type, then Enter'}
          error={error}
          splitChars={[',']}
        />
      );
    case 'number':
    case 'days':
      return (
        <NumberInput
          aria-label={label}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
          min={input === 'days' ? 1 : undefined}
          allowDecimal={input !== 'days'}
          suffix={input === 'days' ? ' days' : undefined}
          error={error}
          w={160}
        />
      );
    case 'number-range':
      return (
        <Group gap="xs" wrap="nowrap">
          <NumberInput
            aria-label={`${label}, from`}
            value={typeof pair[0] === 'number' ? pair[0] : ''}
            onChange={(next) => onChange([typeof next === 'number' ? next : '', pair[1] ?? ''])}
            error={error ? true : undefined}
            w={120}
          />
          <Text size="sm">and</Text>
          <NumberInput
            aria-label={`${label}, to`}
            value={typeof pair[1] === 'number' ? pair[1] : ''}
            onChange={(next) => onChange([pair[0] ?? '', typeof next === 'number' ? next : ''])}
            error={error}
            w={120}
          />
        </Group>
      );
    case 'date':
      return (
        <TextInput
          aria-label={label}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
          error={error}
          w={170}
        />
      );
    case 'date-range':
      return (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`${label}, from`}
            type="date"
            value={typeof pair[0] === 'string' ? pair[0] : ''}
            onChange={(event) => onChange([event.currentTarget.value, String(pair[1] ?? '')])}
            error={error ? true : undefined}
            w={160}
          />
          <Text size="sm">and</Text>
          <TextInput
            aria-label={`${label}, to`}
            type="date"
            value={typeof pair[1] === 'string' ? pair[1] : ''}
            onChange={(event) => onChange([String(pair[0] ?? ''), event.currentTarget.value])}
            error={error}
            w={160}
          />
        </Group>
      );
    case 'text':
      return (
        <TextInput
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          maxLength={200}
          error={error}
        />
      );
  }
}

function ConditionRow({
  condition,
  name,
  onChange,
  onRemove,
  showProblems,
}: {
  condition: SegmentConditionDto;
  name: string;
  onChange: (condition: SegmentConditionDto) => void;
  onRemove: (() => void) | null;
  showProblems: boolean;
}) {
  const spec = SEGMENT_FIELDS[condition.field];
  const operators = OPERATORS_BY_KIND[spec.kind];
  const input = valueInputOf(condition.field, condition.operator);
  const problem = showProblems ? conditionProblem(condition) : null;

  const changeField = (field: SegmentField) => {
    const kind = SEGMENT_FIELDS[field].kind;
    const operator = OPERATORS_BY_KIND[kind].includes(condition.operator) && SEGMENT_FIELDS[condition.field].kind === kind ? condition.operator : OPERATORS_BY_KIND[kind][0];
    const keep = SEGMENT_FIELDS[condition.field].kind === kind && operator === condition.operator;
    onChange({ field, operator, value: keep ? condition.value : initialValue(valueInputOf(field, operator)) });
  };

  const changeOperator = (operator: SegmentOperator) => {
    const before = valueInputOf(condition.field, condition.operator);
    const after = valueInputOf(condition.field, operator);
    onChange({ ...condition, operator, value: before === after ? condition.value : initialValue(after) });
  };

  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" role="group" aria-label={name}>
      <Group gap="xs" align="flex-start" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
        <Select
          aria-label={`${name}: field`}
          data={FIELD_OPTIONS}
          value={condition.field}
          onChange={(value) => value && changeField(value as SegmentField)}
          allowDeselect={false}
          searchable
          style={{ flex: '1 1 170px' }}
        />
        <Select
          aria-label={`${name}: comparison`}
          data={operators.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }))}
          value={condition.operator}
          onChange={(value) => value && changeOperator(value as SegmentOperator)}
          allowDeselect={false}
          style={{ flex: '1 1 150px' }}
        />
        {input === 'none' ? null : (
          <div style={{ flex: '2 1 200px', minWidth: 0 }}>
            <ValueEditor
              input={input}
              condition={condition}
              label={`${name}: value`}
              error={problem ?? undefined}
              onChange={(value) => onChange({ ...condition, value })}
            />
          </div>
        )}
      </Group>
      {onRemove ? (
        <ActionIcon variant="subtle" color="gray" size="lg" mt={2} onClick={onRemove} aria-label={`Remove ${name}`}>
          <span aria-hidden>×</span>
        </ActionIcon>
      ) : (
        <Box w={34} aria-hidden />
      )}
    </Group>
  );
}

/**
 * Builds a segment definition: groups of conditions, each group matching all or any of its
 * conditions, and the groups combined by all or any. Every change is handed up as the whole definition.
 */
export function SegmentBuilder({ value, onChange, showProblems = false }: SegmentBuilderProps) {
  const setGroup = (index: number, group: SegmentGroupDto) =>
    onChange({ ...value, groups: value.groups.map((g, i) => (i === index ? group : g)) });
  const removeGroup = (index: number) => onChange({ ...value, groups: value.groups.filter((_, i) => i !== index) });
  const addGroup = () => onChange({ ...value, groups: [...value.groups, { match: SegmentMatch.all, conditions: [emptyCondition()] }] });

  return (
    <Stack gap="md">
      {value.groups.length > 1 ? (
        <Group gap="xs">
          <Text size="sm">Contacts matching</Text>
          <MatchControl label="How the groups combine" value={value.match} onChange={(match) => onChange({ ...value, match })} />
          <Text size="sm">of these groups</Text>
        </Group>
      ) : null}
      {value.groups.map((group, g) => {
        const groupName = value.groups.length > 1 ? `Group ${g + 1}` : 'Conditions';
        return (
          <Fieldset
            key={g}
            legend={
              <Group gap="xs" component="span">
                <span>{groupName}:</span>
                <Text span size="sm">
                  match
                </Text>
                <MatchControl
                  label={`${groupName}: how conditions combine`}
                  value={group.match}
                  onChange={(match) => setGroup(g, { ...group, match })}
                />
                <Text span size="sm">
                  of
                </Text>
              </Group>
            }
            variant="filled"
          >
            <Stack gap="sm">
              {group.conditions.map((condition, c) => (
                <ConditionRow
                  key={c}
                  condition={condition}
                  name={`${value.groups.length > 1 ? `Group ${g + 1}, condition` : 'Condition'} ${c + 1}`}
                  showProblems={showProblems}
                  onChange={(next) => setGroup(g, { ...group, conditions: group.conditions.map((x, i) => (i === c ? next : x)) })}
                  onRemove={
                    group.conditions.length > 1 || value.groups.length > 1
                      ? () =>
                          group.conditions.length > 1
                            ? setGroup(g, { ...group, conditions: group.conditions.filter((_, i) => i !== c) })
                            : removeGroup(g)
                      : null
                  }
                />
              ))}
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setGroup(g, { ...group, conditions: [...group.conditions, emptyCondition()] })}
                  disabled={group.conditions.length >= MAX_CONDITIONS}
                >
                  Add condition
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button size="xs" variant="default" onClick={addGroup} disabled={value.groups.length >= MAX_GROUPS}>
          Add group
        </Button>
      </Group>
    </Stack>
  );
}
