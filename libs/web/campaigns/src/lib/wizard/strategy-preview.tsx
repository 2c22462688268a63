import type { StepPreviewResponseDto, StrategyStepResponseDto } from '@cadence/web-api-client';
import { useListCampaignContacts, usePreviewStrategy } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Badge, Box, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { timingOf } from './strategy-values';

export interface StrategyPreviewProps {
  campaignId: string;
  strategyId: string;
  /** Changes after each save, so the preview shows what was just saved. */
  version: string;
  /** The saved steps, to say when each one goes and how many variants it has. */
  steps: readonly StrategyStepResponseDto[];
}

/**
 * The saved strategy rendered by the API for one contact of the campaign (merge fields filled in):
 * every step, each in the variant that contact is bound to.
 */
export function StrategyPreview({ campaignId, strategyId, version, steps }: StrategyPreviewProps) {
  const members = useListCampaignContacts(campaignId, { page: 1, limit: 50 });
  const [chosen, setChosen] = useState<string | null>(null);
  const contactId = chosen ?? members.data?.items[0]?.contactId ?? null;
  const preview = usePreviewStrategy(campaignId, strategyId, { contactId: contactId ?? '' }, { query: { enabled: Boolean(contactId), queryKey: ['strategy-preview', strategyId, contactId, version] } });

  if (members.isError) {
    return <ErrorAlert title="Could not load the campaign's contacts" message={members.error.message} code={members.error.code} onRetry={() => void members.refetch()} />;
  }
  if (members.data && members.data.items.length === 0) {
    return <Text size="sm" c="dimmed">Add contacts to the campaign to preview the message for one of them.</Text>;
  }
  return (
    <Stack gap="sm" aria-label="Preview" component="section">
      <Select
        label="Preview for"
        placeholder={members.isPending ? 'Loading contacts…' : 'Choose a contact'}
        data={(members.data?.items ?? []).map((m) => ({ value: m.contactId, label: `${m.firstName} ${m.lastName}`.trim() || 'Unnamed contact' }))}
        value={contactId}
        onChange={setChosen}
        allowDeselect={false}
        maw={320}
      />
      {!contactId || preview.isPending ? (
        <LoadingState label="Rendering the preview…" />
      ) : preview.isError ? (
        <ErrorAlert title="Could not render the preview" message={preview.error.message} code={preview.error.code} onRetry={() => void preview.refetch()} />
      ) : (
        preview.data.steps.map((step) => {
          const saved = steps[step.step];
          const variants = saved?.variants.length ?? 1;
          return (
            <Stack key={step.step} gap={4} component="article" aria-label={`Preview of step ${step.step + 1}`}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  Step {step.step + 1}
                  {saved ? ` — ${timingOf(step.step, String(saved.delayDays))}` : ''}
                </Text>
                {variants > 1 ? (
                  <Badge variant="light" color="grape" data-testid="preview-variant">
                    Gets variant {step.variant} of {variants}
                  </Badge>
                ) : null}
              </Group>
              <RenderedStep step={step} />
            </Stack>
          );
        })
      )}
    </Stack>
  );
}

function RenderedStep({ step }: { step: StepPreviewResponseDto }) {
  if (step.sms) {
    return (
      <Stack gap={4}>
        <Paper bg="indigo.0" p="sm" radius="lg" maw={360} data-testid="sms-preview">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {step.sms.body}
          </Text>
        </Paper>
        <Group gap="xs">
          <Badge variant="light">{step.sms.segments.encoding}</Badge>
          <Text size="xs" c="dimmed">
            {step.sms.segments.segments} segment{step.sms.segments.segments === 1 ? '' : 's'} for this contact
          </Text>
        </Group>
      </Stack>
    );
  }
  if (step.email) {
    return (
      <Paper withBorder p="sm" data-testid="email-preview">
        <Text size="sm">
          <strong>From:</strong> {step.email.from.name} &lt;{step.email.from.email}&gt;
        </Text>
        <Text size="sm" mb="xs">
          <strong>Subject:</strong> {step.email.subject}
        </Text>
        {/* The agent's own HTML, shown without scripts in a sandboxed frame. */}
        <Box component="iframe" title="Email preview" sandbox="" srcDoc={step.email.html} w="100%" h={280} style={{ border: '1px solid var(--mantine-color-gray-3)' }} />
        <Text size="xs" c="dimmed" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {step.email.text}
        </Text>
      </Paper>
    );
  }
  if (step.voicemail) {
    return (
      <Paper withBorder p="sm" data-testid="voicemail-preview">
        {step.voicemail.ttsBody ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {step.voicemail.ttsBody}
          </Text>
        ) : (
          <Text size="sm">Recording {step.voicemail.recordingMediaId}</Text>
        )}
        <Text size="xs" c="dimmed" mt={4}>
          {step.voicemail.characters} characters
        </Text>
      </Paper>
    );
  }
  return <Text size="sm" c="dimmed">Nothing to show for this step.</Text>;
}
