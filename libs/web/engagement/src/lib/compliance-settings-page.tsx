import { isApiError, useGetComplianceSettings, useUpdateComplianceSettings } from '@cadence/web-api-client';
import type { ComplianceSettingsResponseDto, OptOutPolicyDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';

const POLICY: { key: keyof OptOutPolicyDto; label: string }[] = [
  { key: 'smsStopsVoicemail', label: 'A text STOP also stops voicemail' },
  { key: 'smsStopsEmail', label: 'A text STOP also stops email' },
  { key: 'emailStopsSms', label: 'An email unsubscribe also stops texts' },
  { key: 'emailStopsVoicemail', label: 'An email unsubscribe also stops voicemail' },
  { key: 'voicemailStopsSms', label: 'A voicemail opt-out also stops texts' },
  { key: 'stopEverything', label: 'Stop everything: any opt-out stops every channel' },
];

function SettingsForm({ current }: { current: ComplianceSettingsResponseDto }) {
  const [start, setStart] = useState(current.quietHours.start);
  const [end, setEnd] = useState(current.quietHours.end);
  const [maxTouches, setMaxTouches] = useState<number | ''>(current.touchBudget.maxTouchesPer7Days ?? '');
  const [minDays, setMinDays] = useState<number>(current.touchBudget.minDaysBetweenTouches);
  const [policy, setPolicy] = useState<OptOutPolicyDto>(current.optOutPolicy);
  const [dnc, setDnc] = useState(current.dncRegistryCompliance);
  const [helpReply, setHelpReply] = useState(current.helpReply ?? '');
  const save = useUpdateComplianceSettings({ mutation: { onSuccess: () => notifications.show({ message: 'Compliance settings saved', color: 'teal' }) } });
  const error = save.error && isApiError(save.error) ? save.error : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          data: {
            quietHours: { start, end },
            touchBudget: { maxTouchesPer7Days: maxTouches === '' ? null : maxTouches, minDaysBetweenTouches: minDays },
            optOutPolicy: policy,
            dncRegistryCompliance: dnc,
            helpReply: helpReply.trim() || null,
          },
        });
      }}
    >
      <Stack>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Sending hours
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            At the contact's location. The law allows 08:00–21:00 (08:00–20:00 in Florida, Oklahoma and Maryland); yours can be narrower.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="From" type="time" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
            <TextInput label="Until" type="time" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Touch budget
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Across all campaigns and channels. Florida, Oklahoma and Maryland contacts never get more than 3 calls or texts in 24 hours.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Most touches per contact in 7 days" description="Empty: no limit" min={1} max={50} value={maxTouches} onChange={(v) => setMaxTouches(typeof v === 'number' ? v : '')} />
            <NumberInput label="Fewest days between touches" min={0} max={60} value={minDays} onChange={(v) => setMinDays(typeof v === 'number' ? v : 0)} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Opt-out policy
          </Title>
          <Stack gap="xs">
            {POLICY.map(({ key, label }) => (
              <Checkbox key={key} label={label} checked={policy[key]} onChange={(e) => setPolicy({ ...policy, [key]: e.currentTarget.checked })} />
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Switch label="National Do Not Call registry compliance: refuse voicemail to numbers not scrubbed in the last 31 days" checked={dnc} onChange={(e) => setDnc(e.currentTarget.checked)} />
            <Textarea label="Reply to HELP" description="Name yourself and your brokerage, give a number, say how to stop" maxLength={320} value={helpReply} onChange={(e) => setHelpReply(e.currentTarget.value)} />
          </Stack>
        </Paper>
        {error ? (
          <Text size="sm" c="red" role="alert">
            {error.message}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save compliance settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ComplianceSettingsPage() {
  useDocumentTitle('Compliance · Cadence');
  const settings = useGetComplianceSettings();
  return (
    <Stack>
      <PageHeader title="Compliance" description="Sending hours, touch budget, what an opt-out stops, and Do Not Call registry checks." />
      {settings.isPending ? <LoadingState label="Loading compliance settings" /> : null}
      {settings.error ? <ErrorAlert title="Could not load compliance settings" message={settings.error.message} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <SettingsForm current={settings.data} /> : null}
    </Stack>
  );
}
