import { isApiError, useEstimateVoicemailCost, useStartAudioBatch, useStartScriptBatch, type ScriptTemplateKind, type VoicemailBatchKind, type VoicemailCostEstimateDto } from '@cadence/web-api-client';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatUsd } from '../shared/format';
import { TEMPLATE_OPTIONS } from './voicemail-settings-form';

/** "Generate all scripts" / "Generate all audio": shows the cost estimate, then starts the batch. */
export function StartBatchButton({ campaignId, kind, disabled, onStarted }: { campaignId: string; kind: VoicemailBatchKind; disabled?: boolean; onStarted: () => void }) {
  const [estimate, setEstimate] = useState<VoicemailCostEstimateDto | null>(null);
  const [abTemplate, setAbTemplate] = useState<string | null>(null);
  const [customPrompt, setCustomPrompt] = useState('');
  const failed = (title: string) => (error: unknown) => notifications.show({ color: 'red', title, message: isApiError(error) ? error.message : 'Try again' });
  const estimating = useEstimateVoicemailCost({ mutation: { onSuccess: setEstimate, onError: failed('Could not estimate the cost') } });
  const started = { onSuccess: () => { setEstimate(null); onStarted(); }, onError: failed('Could not start') };
  const scripts = useStartScriptBatch({ mutation: started });
  const audio = useStartAudioBatch({ mutation: started });
  const label = kind === 'scripts' ? 'Generate all scripts' : 'Generate all audio';
  const start = () => {
    if (kind === 'scripts') scripts.mutate({ campaignId, data: { ...(abTemplate ? { abTemplateKind: abTemplate as ScriptTemplateKind } : {}), ...(customPrompt.trim() ? { customPrompt: customPrompt.trim() } : {}) } });
    else audio.mutate({ campaignId, data: {} });
  };
  return (
    <>
      <Button onClick={() => estimating.mutate({ campaignId, data: { kind } })} loading={estimating.isPending} disabled={disabled}>
        {label}
      </Button>
      <Modal opened={estimate !== null} onClose={() => setEstimate(null)} title={label}>
        {estimate ? (
          <Stack gap="sm">
            <Text data-testid="estimate-text">
              {estimate.items} {kind === 'scripts' ? 'scripts to write' : 'recordings to make'}, estimated {formatUsd(estimate.totalUsd)}
              {estimate.offline ? ' (offline provider: nothing is charged)' : ''}.
            </Text>
            {kind === 'scripts' ? (
              <>
                <Select label="A/B test: second template for half the contacts (optional)" data={TEMPLATE_OPTIONS} value={abTemplate} onChange={setAbTemplate} clearable />
                <TextInput label="Extra instructions for every script (optional)" value={customPrompt} onChange={(e) => setCustomPrompt(e.currentTarget.value)} />
              </>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEstimate(null)}>
                Cancel
              </Button>
              <Button onClick={start} loading={scripts.isPending || audio.isPending} disabled={estimate.items === 0}>
                Start
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
