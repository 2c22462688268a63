import type { StrategyType } from '@cadence/web-api-client';
import { Badge, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { plural } from '../shared/format';
import { insertAt } from '../shared/merge-fields';
import { countSmsSegments, withOptOutLine } from '../shared/sms-segments';
import { MergeFieldPicker } from './merge-field-picker';
import type { VariantField, VariantValues, VoicemailSource } from './strategy-values';
import { MAX_TTS_CHARACTERS } from './strategy-values';
import type { FormErrors } from './wizard-validation';

export interface VariantContentProps {
  type: StrategyType;
  /** 0-based; only the first message of a sequence carries the SMS opt-out line. */
  stepIndex: number;
  values: VariantValues;
  errors: FormErrors<VariantField>;
  onChange: (values: VariantValues) => void;
}

type TemplateField = 'body' | 'subject' | 'html' | 'text' | 'ttsBody';

/** The content of one variant of one step; merge fields go in with the picker, at the caret. */
export function VariantContent({ type, stepIndex, values, errors, onChange }: VariantContentProps) {
  const inputs = useRef<Partial<Record<TemplateField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const lastFocused = useRef<TemplateField>(type === 'email' ? 'html' : type === 'voicemail' ? 'ttsBody' : 'body');

  const set = (field: VariantField, value: string) => onChange({ ...values, [field]: value });
  const insert = (field: TemplateField, tag: string) => {
    const element = inputs.current[field];
    const { value, caret } = insertAt(values[field], tag, element?.selectionStart ?? null, element?.selectionEnd ?? null);
    onChange({ ...values, [field]: value });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(caret, caret);
    });
  };
  const template = (field: TemplateField) => ({
    ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      inputs.current[field] = el;
    },
    value: values[field],
    onFocus: () => {
      lastFocused.current = field;
    },
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(field, e.currentTarget.value),
    error: errors[field],
  });

  return (
    <Stack gap="sm">
      {type === 'text' ? <TextFields values={values} firstMessage={stepIndex === 0} template={template} onPick={(tag) => insert('body', tag)} /> : null}
      {type === 'email' ? (
        <>
          <Group justify="flex-end">
            <MergeFieldPicker label="Insert merge field into the field you last edited" onPick={(tag) => insert(lastFocused.current, tag)} />
          </Group>
          <TextInput label="Subject" {...template('subject')} />
          <Textarea label="Email (HTML)" autosize minRows={6} maxRows={16} ff="monospace" {...template('html')} />
          <Textarea label="Plain-text version" description="For mail apps that do not show HTML" autosize minRows={4} maxRows={12} {...template('text')} />
        </>
      ) : null}
      {type === 'voicemail' ? (
        <>
          <SegmentedControl
            aria-label="Voicemail source"
            value={values.voicemailSource}
            onChange={(value) => onChange({ ...values, voicemailSource: value as VoicemailSource })}
            data={[
              { value: 'tts', label: 'Text-to-speech' },
              { value: 'recording', label: 'Uploaded recording' },
            ]}
            maw={360}
          />
          {values.voicemailSource === 'tts' ? (
            <>
              <TextInput label="Voice id" description="Drop Cowboy voice_id" value={values.voiceId} onChange={(e) => set('voiceId', e.currentTarget.value)} error={errors.voiceId} maw={360} />
              <Group justify="space-between" align="flex-end">
                <Text size="sm" fw={500}>
                  Script
                </Text>
                <MergeFieldPicker label="Insert merge field into the script" onPick={(tag) => insert('ttsBody', tag)} />
              </Group>
              <Textarea aria-label="Script" autosize minRows={4} {...template('ttsBody')} />
              <Text size="xs" c={values.ttsBody.length > MAX_TTS_CHARACTERS ? 'red' : 'dimmed'}>
                {values.ttsBody.length.toLocaleString('en-US')} / {MAX_TTS_CHARACTERS.toLocaleString('en-US')} characters before merge fields are filled in
              </Text>
            </>
          ) : (
            <TextInput
              label="Recording media id"
              value={values.recordingMediaId}
              onChange={(e) => set('recordingMediaId', e.currentTarget.value)}
              error={errors.recordingMediaId}
              maw={360}
            />
          )}
        </>
      ) : null}
    </Stack>
  );
}

interface TextFieldsProps {
  values: VariantValues;
  firstMessage: boolean;
  template: (field: TemplateField) => object;
  onPick: (tag: string) => void;
}

function TextFields({ values, firstMessage, template, onPick }: TextFieldsProps) {
  const sent = withOptOutLine(values.body, firstMessage);
  const segments = countSmsSegments(sent);
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" fw={500}>
          Message
        </Text>
        <MergeFieldPicker label="Insert merge field into the message" onPick={onPick} />
      </Group>
      <Textarea aria-label="Message" autosize minRows={4} placeholder="Hi {{firstName|there}}, …" {...template('body')} />
      <Group gap="xs" data-testid="sms-segment-count" aria-live="polite">
        <Badge variant="light" color={segments.segments > 1 ? 'orange' : 'teal'}>
          {plural(segments.segments, 'segment')}
        </Badge>
        <Text size="xs" c="dimmed">
          {segments.encoding} · {segments.units} {segments.encoding === 'GSM-7' ? 'characters' : 'UCS-2 units'}
          {sent !== values.body ? ', with “Reply STOP to opt out” added to the first message' : ''}. Merge fields change the count per contact.
        </Text>
      </Group>
      {segments.nonGsmCharacters.length > 0 ? (
        <Text size="xs" c="orange.8">
          {segments.nonGsmCharacters.map((c) => `“${c}”`).join(' ')} {segments.nonGsmCharacters.length === 1 ? 'is' : 'are'} not in the GSM alphabet, so the
          text is sent as UCS-2 (70 characters per segment).
        </Text>
      ) : null}
    </>
  );
}
