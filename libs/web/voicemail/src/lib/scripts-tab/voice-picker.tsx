import { useListVoicemailVoices } from '@cadence/web-api-client';
import { ActionIcon, Group, Select, Text, Tooltip } from '@mantine/core';
import { useRef } from 'react';

/** The voices the provider offers, with a sample to hear before choosing. */
export function VoicePicker({ value, onChange, label = 'Voice' }: { value: string | null; onChange: (voiceId: string | null) => void; label?: string }) {
  const voices = useListVoicemailVoices();
  const player = useRef<HTMLAudioElement | null>(null);
  const list = voices.data?.voices ?? [];
  const chosen = list.find((v) => v.voiceId === (value ?? voices.data?.defaultVoiceId));
  const play = () => {
    if (!chosen?.previewUrl) return;
    player.current?.pause();
    player.current = new Audio(chosen.previewUrl);
    void player.current.play().catch(() => undefined);
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label={label}
        placeholder={voices.isLoading ? 'Loading voices…' : `Default${voices.data ? ` (${list.find((v) => v.voiceId === voices.data.defaultVoiceId)?.name ?? voices.data.defaultVoiceId})` : ''}`}
        data={list.map((v) => ({ value: v.voiceId, label: v.category ? `${v.name} · ${v.category}` : v.name }))}
        value={value}
        onChange={onChange}
        clearable
        searchable
        style={{ flex: 1 }}
      />
      <Tooltip label="Play a sample">
        <ActionIcon size="lg" variant="light" aria-label="Play a sample of this voice" disabled={!chosen?.previewUrl} onClick={play}>
          <Text size="sm" aria-hidden>
            ▶
          </Text>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
