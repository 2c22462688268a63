import {
  getGetCurrentVoicemailBatchQueryKey,
  getListVoicemailScriptsQueryKey,
  isApiError,
  useBulkApproveScripts,
  useGetCurrentVoicemailBatch,
  useGetVoicemailSettings,
  useListVoicemailScripts,
  type ScriptAudioStatus,
  type ScriptReviewStatus,
  type VoicemailBatchResponseDto,
} from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Button, Card, Group, Pagination, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { AUDIO_LABELS, formatUsd, REVIEW_LABELS } from '../shared/format';
import { BatchProgressPanel, isOpen } from './batch-progress-panel';
import { ScriptCard } from './script-card';
import { StartBatchButton } from './start-batch-button';
import { VoicemailSettingsForm } from './voicemail-settings-form';

export interface ScriptsTabProps {
  campaignId: string;
}

const PAGE_SIZE = 20;
const POLL_MS = 1500;

/** Polls the campaign's latest batch of a kind while it runs; the panel comes back after a reload. */
function useBatch(campaignId: string, kind: 'scripts' | 'audio', onFinished: () => void) {
  const query = useGetCurrentVoicemailBatch(campaignId, { kind }, { query: { refetchInterval: (q) => (isOpen(q.state.data?.batch) ? POLL_MS : false) } });
  const batch = query.data?.batch ?? null;
  const seen = useRef<{ id: string | null; open: boolean } | null>(null);
  const loaded = query.isSuccess;
  useEffect(() => {
    if (!loaded) return;
    const before = seen.current;
    // A small batch can finish before the first poll sees it running: a new batch that is already over counts too.
    if (before && batch && !isOpen(batch) && (before.open || before.id !== batch.id)) onFinished();
    seen.current = { id: batch?.id ?? null, open: isOpen(batch) };
  }, [batch, loaded, onFinished]);
  return { batch, refetch: query.refetch };
}

/** Voicemail scripts of one campaign: settings, batches with progress, review and audio. */
export function ScriptsTab({ campaignId }: ScriptsTabProps) {
  const queryClient = useQueryClient();
  const [review, setReview] = useState<ScriptReviewStatus | 'all'>('all');
  const [audio, setAudio] = useState<ScriptAudioStatus | null>(null);
  const [page, setPage] = useState(1);
  const [editingSettings, setEditingSettings] = useState(false);

  const settings = useGetVoicemailSettings(campaignId, { query: { retry: false } });
  const params = { page, limit: PAGE_SIZE, ...(review !== 'all' ? { reviewStatus: review } : {}), ...(audio ? { audioStatus: audio } : {}) };
  const scripts = useListVoicemailScripts(campaignId, params);
  const refreshScripts = () => void queryClient.invalidateQueries({ queryKey: getListVoicemailScriptsQueryKey(campaignId) });
  const refreshBatches = () => void queryClient.invalidateQueries({ queryKey: getGetCurrentVoicemailBatchQueryKey(campaignId) });
  const scriptBatch = useBatch(campaignId, 'scripts', refreshScripts);
  const audioBatch = useBatch(campaignId, 'audio', refreshScripts);
  const bulk = useBulkApproveScripts({
    mutation: {
      onSuccess: (r) => {
        notifications.show({ color: 'teal', title: 'Approved', message: `${r.approved} script${r.approved === 1 ? '' : 's'} approved` });
        refreshScripts();
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Could not approve', message: isApiError(e) ? e.message : 'Try again' }),
    },
  });

  if (settings.isLoading) return <LoadingState label="Loading voicemail settings…" />;
  const missingSettings = settings.error && isApiError(settings.error) && settings.error.code === 'VOICEMAIL_SETTINGS_MISSING';
  if (settings.error && !missingSettings) return <ErrorAlert title="Could not load the voicemail settings" message={isApiError(settings.error) ? settings.error.message : 'Try again'} onRetry={() => void settings.refetch()} />;
  if (missingSettings || editingSettings) {
    return (
      <Card withBorder>
        <Title order={4} mb="sm">
          Voicemail settings
        </Title>
        <VoicemailSettingsForm
          campaignId={campaignId}
          current={settings.data ?? null}
          onSaved={() => {
            setEditingSettings(false);
            void settings.refetch();
          }}
        />
      </Card>
    );
  }

  const summary = scripts.data?.summary;
  const pendingReview = (summary?.review['pending'] ?? 0) + (summary?.review['needs_revision'] ?? 0);
  const approvedWithoutAudio = scripts.data ? Object.values(summary?.audio ?? {}).length > 0 : false;
  const batches = [scriptBatch.batch, audioBatch.batch].filter((b): b is VoicemailBatchResponseDto => b !== null);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {settings.data ? `${settings.data.agentName} · ${settings.data.brokerage} · ${settings.data.callbackNumber}` : ''}
        </Text>
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => setEditingSettings(true)}>
            Voicemail settings
          </Button>
          <StartBatchButton campaignId={campaignId} kind="scripts" disabled={isOpen(scriptBatch.batch)} onStarted={refreshBatches} />
          <StartBatchButton campaignId={campaignId} kind="audio" disabled={isOpen(audioBatch.batch) || !approvedWithoutAudio} onStarted={refreshBatches} />
        </Group>
      </Group>

      {batches.map((b) => (
        <Card withBorder key={b.id}>
          <BatchProgressPanel batch={b} onChanged={refreshBatches} />
        </Card>
      ))}

      <Group justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={review}
            onChange={(v) => {
              setReview(v as ScriptReviewStatus | 'all');
              setPage(1);
            }}
            data={[{ value: 'all', label: 'All' }, ...Object.entries(REVIEW_LABELS).map(([value, label]) => ({ value, label }))]}
            aria-label="Review status"
          />
          <Select
            size="xs"
            placeholder="Any audio"
            aria-label="Audio status"
            clearable
            value={audio}
            onChange={(v) => {
              setAudio(v as ScriptAudioStatus | null);
              setPage(1);
            }}
            data={Object.entries(AUDIO_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Group>
        <Group gap="xs">
          {summary ? (
            <Text size="xs" c="dimmed" data-testid="scripts-summary">
              {summary.total} scripts · {summary.review['approved'] ?? 0} approved · {summary.audio['completed'] ?? 0} with audio · {formatUsd(summary.totalUsd)} spent
            </Text>
          ) : null}
          <Button size="xs" color="teal" variant="light" disabled={pendingReview === 0} loading={bulk.isPending} onClick={() => bulk.mutate({ campaignId, data: {} })}>
            Approve all ({pendingReview})
          </Button>
        </Group>
      </Group>

      {scripts.isLoading ? <LoadingState label="Loading scripts…" /> : null}
      {scripts.error ? <ErrorAlert title="Could not load the scripts" message={isApiError(scripts.error) ? scripts.error.message : 'Try again'} onRetry={() => void scripts.refetch()} /> : null}
      {scripts.data && scripts.data.total === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {summary?.total ? 'No script matches these filters.' : 'No scripts yet: "Generate all scripts" writes one for every contact of the campaign.'}
        </Text>
      ) : null}
      {scripts.data?.items.map((s) => (
        <ScriptCard key={`${s.id}-${s.scriptVersion}-${s.audio.status}`} script={s} contactLabel={s.contactName ?? 'Contact'} onChanged={refreshScripts} />
      ))}
      {scripts.data && scripts.data.total > PAGE_SIZE ? <Pagination value={page} onChange={setPage} total={Math.ceil(scripts.data.total / PAGE_SIZE)} /> : null}
    </Stack>
  );
}
