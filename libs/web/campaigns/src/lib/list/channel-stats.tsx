import type { CampaignStatsResponseDto, ChannelStatsResponseDto, ExecutionChannel } from '@cadence/web-api-client';
import { Table, Text } from '@mantine/core';
import { CHANNEL_LABELS } from '../shared/labels';
import { formatCount, formatUsd } from '../shared/format';

const CHANNELS: ExecutionChannel[] = ['sms', 'email', 'voicemail'];

function touched(stats: ChannelStatsResponseDto): boolean {
  return stats.queued + stats.sent + stats.delivered + stats.failed + stats.skipped > 0;
}

export interface ChannelStatsTableProps {
  stats: CampaignStatsResponseDto;
  /** Compact: only channels with activity, fewer columns (cards). */
  compact?: boolean;
  caption: string;
}

/** Per-channel counters of a campaign; a channel nothing went through yet is left out of the compact view. */
export function ChannelStatsTable({ stats, compact = false, caption }: ChannelStatsTableProps) {
  const channels = compact ? CHANNELS.filter((c) => touched(stats[c])) : CHANNELS;
  if (channels.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing sent yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={compact ? 0 : 560}>
      <Table aria-label={caption} fz={compact ? 'xs' : 'sm'} verticalSpacing={4} horizontalSpacing={compact ? 6 : 'sm'} withRowBorders={!compact}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Channel</Table.Th>
            {compact ? null : <Table.Th ta="right">Queued</Table.Th>}
            <Table.Th ta="right">Sent</Table.Th>
            <Table.Th ta="right">Delivered</Table.Th>
            {compact ? null : <Table.Th ta="right">Opened / listened</Table.Th>}
            {compact ? null : <Table.Th ta="right">Responded</Table.Th>}
            <Table.Th ta="right">Failed</Table.Th>
            {compact ? null : <Table.Th ta="right">Skipped</Table.Th>}
            {compact ? null : <Table.Th ta="right">Cost</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {channels.map((channel) => {
            const s = stats[channel];
            return (
              <Table.Tr key={channel} data-testid={`stats-${channel}`}>
                <Table.Th scope="row" fw={500}>
                  {CHANNEL_LABELS[channel]}
                </Table.Th>
                {compact ? null : <Table.Td ta="right">{formatCount(s.queued)}</Table.Td>}
                <Table.Td ta="right" data-testid={`stats-${channel}-sent`}>{formatCount(s.sent)}</Table.Td>
                <Table.Td ta="right" data-testid={`stats-${channel}-delivered`}>{formatCount(s.delivered)}</Table.Td>
                {compact ? null : <Table.Td ta="right">{formatCount(s.engaged)}</Table.Td>}
                {compact ? null : <Table.Td ta="right">{formatCount(s.responded)}</Table.Td>}
                <Table.Td ta="right">{formatCount(s.failed)}</Table.Td>
                {compact ? null : <Table.Td ta="right">{formatCount(s.skipped)}</Table.Td>}
                {compact ? null : <Table.Td ta="right">{formatUsd(s.costUsd)}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
