import {
  isApiError,
  useDeleteVoicemailScriptAudio,
  useEditVoicemailScript,
  useGenerateVoicemailScriptAudio,
  useRegenerateVoicemailScript,
  useReviewVoicemailScript,
  type ScriptReviewDecision,
  type VoicemailScriptResponseDto,
} from '@cadence/web-api-client';
import { Badge, Button, Card, Group, Popover, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AUDIO_COLORS, AUDIO_LABELS, COMPLIANCE_LABELS, formatUsd, MAX_WORDS, MIN_WORDS, REVIEW_COLORS, REVIEW_LABELS, textFigures } from '../shared/format';

export const EDIT_LOCKED_REASON = 'This script already has audio. Delete the audio to edit the text.';

function failed(title: string) {
  return (error: unknown) => notifications.show({ color: 'red', title, message: isApiError(error) ? error.message : 'Try again' });
}

/** Character, word and time figures under the text, in red outside 30–45 seconds. */
export function TextCounts({ text }: { text: string }) {
  const f = textFigures(text);
  return (
    <Text size="xs" c={f.outOfRange ? 'red' : 'dimmed'} data-testid="text-counts">
      {f.characters} characters · {f.words} words · about {f.seconds} s{f.outOfRange ? ` (aim for ${MIN_WORDS}–${MAX_WORDS} words)` : ''}
    </Text>
  );
}

/** One contact's script: badges, the text (editable until audio exists), review actions and audio. */
export function ScriptCard({ script, contactLabel, onChanged }: { script: VoicemailScriptResponseDto; contactLabel: string; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(script.script);
  const [prompt, setPrompt] = useState('');
  const [regenOpen, setRegenOpen] = useState(false);
  const done = { onSuccess: onChanged };
  const edit = useEditVoicemailScript({ mutation: { ...done, onSuccess: () => { setEditing(false); onChanged(); }, onError: failed('Could not save the script') } });
  const review = useReviewVoicemailScript({ mutation: { ...done, onError: failed('Could not update the review') } });
  const regenerate = useRegenerateVoicemailScript({ mutation: { ...done, onSuccess: () => { setRegenOpen(false); setPrompt(''); onChanged(); }, onError: failed('Could not regenerate') } });
  const audio = useGenerateVoicemailScriptAudio({ mutation: { ...done, onError: failed('Could not generate audio') } });
  const removeAudio = useDeleteVoicemailScriptAudio({ mutation: { ...done, onError: failed('Could not delete the audio') } });
  const decide = (status: ScriptReviewDecision) => review.mutate({ scriptId: script.id, data: { status } });
  const unchanged = draft.trim() === script.script.trim();

  return (
    <Card withBorder padding="md" radius="md" data-testid={`script-${script.id}`} aria-label={`Script for ${contactLabel}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{contactLabel}</Text>
            <Badge color={REVIEW_COLORS[script.reviewStatus]} variant="light">
              {REVIEW_LABELS[script.reviewStatus]}
            </Badge>
            <Badge color={AUDIO_COLORS[script.audio.status]} variant="outline">
              {AUDIO_LABELS[script.audio.status]}
            </Badge>
            {script.testGroup ? <Badge variant="dot">Group {script.testGroup}</Badge> : null}
            <Text size="xs" c="dimmed">
              v{script.scriptVersion} · {script.generatedBy}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {formatUsd(script.costs.totalUsd)}
          </Text>
        </Group>

        {editing ? (
          <Stack gap={4}>
            <Textarea label="Script text" autosize minRows={4} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
            <TextCounts text={draft} />
            <Group gap="xs">
              <Button size="xs" onClick={() => edit.mutate({ scriptId: script.id, data: { script: draft } })} loading={edit.isPending} disabled={!draft.trim() || unchanged}>
                Save
              </Button>
              <Button size="xs" variant="default" onClick={() => { setDraft(script.script); setEditing(false); }}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap={4}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="script-text">
              {script.script}
            </Text>
            <TextCounts text={script.script} />
          </Stack>
        )}

        {script.complianceProblems.length > 0 ? (
          <Text size="xs" c="orange">
            Check: {script.complianceProblems.map((p) => COMPLIANCE_LABELS[p] ?? p).join(', ')}
          </Text>
        ) : null}
        {script.reviewNotes ? (
          <Text size="xs" c="dimmed">
            Note: {script.reviewNotes}
          </Text>
        ) : null}

        {script.audio.url ? <audio controls preload="none" src={script.audio.url} aria-label={`Voicemail for ${contactLabel}`} data-testid="script-audio" /> : null}
        {script.audio.error ? (
          <Text size="xs" c="red">
            {script.audio.error}
          </Text>
        ) : null}

        {!editing ? (
          <Group gap="xs" wrap="wrap">
            <Tooltip label={EDIT_LOCKED_REASON} disabled={script.editable}>
              <span>
                <Button size="xs" variant="default" disabled={!script.editable} onClick={() => { setDraft(script.script); setEditing(true); }}>
                  Edit
                </Button>
              </span>
            </Tooltip>
            {script.reviewStatus !== 'approved' ? (
              <Button size="xs" color="teal" variant="light" onClick={() => decide('approved')} loading={review.isPending}>
                Approve
              </Button>
            ) : null}
            {script.reviewStatus !== 'rejected' ? (
              <Button size="xs" color="red" variant="subtle" onClick={() => decide('rejected')}>
                Reject
              </Button>
            ) : null}
            <Popover opened={regenOpen} onChange={setRegenOpen} width={320} withArrow>
              <Popover.Target>
                <Button size="xs" variant="subtle" disabled={!script.editable} onClick={() => setRegenOpen((o) => !o)}>
                  Regenerate
                </Button>
              </Popover.Target>
              <Popover.Dropdown>
                <Stack gap="xs">
                  <TextInput label="Extra instructions (optional)" placeholder="Mention the new school nearby" value={prompt} onChange={(e) => setPrompt(e.currentTarget.value)} />
                  <Button size="xs" loading={regenerate.isPending} onClick={() => regenerate.mutate({ scriptId: script.id, data: prompt.trim() ? { customPrompt: prompt.trim() } : {} })}>
                    Write a new version
                  </Button>
                </Stack>
              </Popover.Dropdown>
            </Popover>
            {script.audio.status === 'completed' ? (
              <Button size="xs" variant="subtle" color="red" onClick={() => removeAudio.mutate({ scriptId: script.id })} loading={removeAudio.isPending}>
                Delete audio
              </Button>
            ) : (
              <Button size="xs" variant="light" disabled={script.reviewStatus === 'rejected' || script.audio.status === 'generating'} onClick={() => audio.mutate({ scriptId: script.id, data: {} })} loading={audio.isPending}>
                Generate audio
              </Button>
            )}
          </Group>
        ) : null}
        {!script.editable && !editing ? (
          <Text size="xs" c="dimmed">
            {EDIT_LOCKED_REASON}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
