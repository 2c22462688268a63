import type { CampaignResponseDto } from '@cadence/web-api-client';
import { useUpdateCampaign } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Button, Chip, Group, Input, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { toApiError } from '../shared/api-error';
import { WEEKDAYS } from '../shared/labels';
import { invalidateCampaigns } from '../shared/query-keys';
import type { FormErrors, ScheduleField, ScheduleValues } from './wizard-validation';
import { hasErrors, scheduleRequestOf, scheduleValuesOf, validateSchedule } from './wizard-validation';

const COMMON_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'];

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...COMMON_ZONES, current, ...all])].filter(Boolean);
}

export interface ScheduleStepProps {
  campaign: CampaignResponseDto;
  onBack: () => void;
  onNext: () => void;
}

/**
 * When the campaign may send and how much it may spend. Legal calling hours in each contact's zone
 * apply on top of this window; the review shows what that means per contact.
 */
export function ScheduleStep({ campaign, onBack, onNext }: ScheduleStepProps) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ScheduleValues>(() => scheduleValuesOf(campaign));
  const [errors, setErrors] = useState<FormErrors<ScheduleField>>({});
  const update = useUpdateCampaign();
  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  const set = <K extends ScheduleField>(field: K, value: ScheduleValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateSchedule(values);
    setErrors(found);
    if (hasErrors(found)) return;
    update.mutate(
      { id: campaign.id, data: scheduleRequestOf(values) },
      {
        onSuccess: async () => {
          await invalidateCampaigns(queryClient);
          onNext();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Schedule and budget">
      <Stack gap="md" maw={720}>
        <Select
          label="Time zone"
          description="The dates, hours and days below are in this zone"
          data={zones}
          value={values.timeZone}
          onChange={(value) => set('timeZone', value ?? '')}
          searchable
          error={errors.timeZone}
          maw={360}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label="First day" description="Empty: as soon as it is launched" value={values.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} error={errors.startDate} />
          <TextInput type="date" label="Last day" description="Empty: until every message went out" value={values.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={errors.endDate} />
          <TextInput type="time" label="Daily window starts" value={values.dailyStart} onChange={(e) => set('dailyStart', e.currentTarget.value)} error={errors.dailyStart} />
          <TextInput type="time" label="Daily window ends" value={values.dailyEnd} onChange={(e) => set('dailyEnd', e.currentTarget.value)} error={errors.dailyEnd} />
        </SimpleGrid>
        <Input.Wrapper label="Days of the week" error={errors.daysOfWeek}>
          <Chip.Group multiple value={values.daysOfWeek.map(String)} onChange={(days) => set('daysOfWeek', days.map(Number))}>
            <Group gap="xs" mt={6} role="group" aria-label="Days of the week">
              {WEEKDAYS.map((day) => (
                <Chip key={day.value} value={String(day.value)} aria-label={day.label}>
                  {day.short}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Daily cap"
            description="Most sends per day across channels; empty = no cap"
            value={values.dailyCap}
            onChange={(value) => set('dailyCap', String(value))}
            min={1}
            allowDecimal={false}
            error={errors.dailyCap}
          />
          <NumberInput
            label="Budget (USD)"
            description="The campaign pauses when it is spent; empty = no limit"
            value={values.budgetLimitUsd}
            onChange={(value) => set('budgetLimitUsd', String(value))}
            min={0}
            decimalScale={2}
            prefix="$"
            error={errors.budgetLimitUsd}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Whatever the window, nobody is contacted outside 08:00–21:00 in their own time zone (08:00–20:00 in FL, OK and MD).
        </Text>
        {update.error ? <ErrorAlert title="Could not save the schedule" message={toApiError(update.error).message} code={toApiError(update.error).code} /> : null}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save and review
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
