import { isApiError, ScriptTemplateKind, useSaveVoicemailSettings, type VoicemailSettingsResponseDto } from '@cadence/web-api-client';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { TEMPLATE_LABELS } from '../shared/format';
import { VoicePicker } from './voice-picker';

export const TEMPLATE_OPTIONS = Object.values(ScriptTemplateKind).map((kind) => ({ value: kind, label: TEMPLATE_LABELS[kind] }));

/** Who speaks in the campaign's voicemails: every script names them and gives these numbers. */
export function VoicemailSettingsForm({ campaignId, current, onSaved }: { campaignId: string; current: VoicemailSettingsResponseDto | null; onSaved: () => void }) {
  const [agentName, setAgentName] = useState(current?.agentName ?? '');
  const [brokerage, setBrokerage] = useState(current?.brokerage ?? '');
  const [callbackNumber, setCallbackNumber] = useState(current?.callbackNumber ?? '');
  const [optOutNumber, setOptOutNumber] = useState(current?.optOutNumber ?? '');
  const [templateKind, setTemplateKind] = useState<ScriptTemplateKind>((current?.templateKind as ScriptTemplateKind) ?? 'sphere_of_influence');
  const [voiceId, setVoiceId] = useState<string | null>(current?.voiceId ?? null);
  const save = useSaveVoicemailSettings({ mutation: { onSuccess: onSaved } });
  const error = save.error && isApiError(save.error) ? save.error : null;
  const fieldError = (field: string) => error?.fieldErrors.find((f) => f.field === field)?.messages.join(', ');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ campaignId, data: { agentName, brokerage, callbackNumber, optOutNumber: optOutNumber.trim() || null, voiceId, templateKind } });
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Every script names you and your brokerage, gives your callback number and ends with an opt-out line (FCC rules for prerecorded messages).
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Agent name" required value={agentName} onChange={(e) => setAgentName(e.currentTarget.value)} error={fieldError('agentName')} />
          <TextInput label="Brokerage" required value={brokerage} onChange={(e) => setBrokerage(e.currentTarget.value)} error={fieldError('brokerage')} />
          <TextInput label="Callback number" required value={callbackNumber} onChange={(e) => setCallbackNumber(e.currentTarget.value)} error={fieldError('callbackNumber')} />
          <TextInput label="Opt-out number" description="Toll-free number with an automated opt-out; the callback number when empty" value={optOutNumber} onChange={(e) => setOptOutNumber(e.currentTarget.value)} error={fieldError('optOutNumber')} />
          <Select label="Script template" data={TEMPLATE_OPTIONS} value={templateKind} onChange={(v) => v && setTemplateKind(v as ScriptTemplateKind)} allowDeselect={false} />
          <VoicePicker value={voiceId} onChange={setVoiceId} label="Campaign voice" />
        </SimpleGrid>
        {error && error.fieldErrors.length === 0 ? (
          <Text size="sm" c="red" role="alert">
            {error.message}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save voicemail settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
