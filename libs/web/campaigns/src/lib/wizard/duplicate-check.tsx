import { checkCampaignDuplicates, DuplicateAction, getCheckCampaignDuplicatesUrl, resolveCampaignDuplicates } from '@cadence/web-api-client';
import type { DuplicateReportResponseDto, ResolveDuplicatesRequestDto, ResolveDuplicatesResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState } from '@cadence/web-ui';
import { Alert, Anchor, Button, Group, List, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../shared/api-error';
import { formatDate, plural } from '../shared/format';
import { invalidateCampaigns } from '../shared/query-keys';

const DEFAULT_INTERVAL_DAYS = 3;

function outcome(result: ResolveDuplicatesResponseDto): string {
  if (result.action === DuplicateAction.remove) return `Removed ${plural(result.removed, 'contact')} from this campaign.`;
  if (result.action === DuplicateAction.keep) return 'Kept them: they get this campaign too, within the touch budget.';
  return `Contacts now get at least ${plural(result.minDaysBetweenTouches ?? 0, 'day')} between touches; sends closer than that wait.`;
}

function DuplicateTable({ report }: { report: DuplicateReportResponseDto }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Contacts already in other campaigns" fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Other campaign</Table.Th>
            <Table.Th>Last sent</Table.Th>
            <Table.Th ta="right">Days since</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.duplicateContacts.flatMap((contact) =>
            contact.campaigns.map((touch, index) => (
              <Table.Tr key={`${contact.contactId}-${touch.campaignId}`}>
                <Table.Td>
                  {index === 0 ? (
                    <>
                      <Anchor component={Link} to={`/contacts/${contact.contactId}`} size="sm">
                        {contact.name}
                      </Anchor>
                      {contact.phone ? (
                        <Text size="xs" c="dimmed">
                          {contact.phone}
                        </Text>
                      ) : null}
                    </>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/campaigns/${touch.campaignId}`} size="sm">
                    {touch.campaignName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(touch.lastSent)}</Table.Td>
                <Table.Td ta="right">{touch.daysSince}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Before launch: which contacts other campaigns already reached lately, and what to do about it
 * (take them out, keep them, or space the touches further apart).
 */
export function DuplicateCheck({ campaignId }: { campaignId: string }) {
  const queryClient = useQueryClient();
  const [intervalDays, setIntervalDays] = useState<number>(DEFAULT_INTERVAL_DAYS);
  const [done, setDone] = useState<string | null>(null);
  // A read that the API takes as a POST. Its key is kept outside the campaign's ('/api/v1/campaigns…'), so
  // refreshing the campaign (after a launch, say) does not post the check again; only resolving it does.
  const queryKey = ['duplicate-check', getCheckCampaignDuplicatesUrl(campaignId)];
  const report = useQuery({ queryKey, queryFn: () => checkCampaignDuplicates(campaignId) });
  const resolve = useMutation({
    mutationFn: (request: ResolveDuplicatesRequestDto) => resolveCampaignDuplicates(campaignId, request),
    onSuccess: async (result) => {
      setDone(outcome(result));
      if (result.action === DuplicateAction.keep) return;
      // Removing contacts or spacing touches changes the plan and the report.
      await Promise.all([invalidateCampaigns(queryClient), queryClient.invalidateQueries({ queryKey })]);
    },
  });

  if (report.isPending) return <LoadingState label="Checking other campaigns…" />;
  if (report.isError) {
    const error = toApiError(report.error);
    return <ErrorAlert title="Could not check for duplicates" message={error.message} code={error.code} onRetry={() => void report.refetch()} />;
  }
  const data = report.data;
  if (data.totalDuplicates === 0) {
    return (
      <Stack gap="xs">
        {done ? (
          <Alert color="teal" variant="light" role="status">
            {done}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed" role="note" data-testid="duplicates-none">
          No contact in this campaign got a message from another campaign in the last {plural(data.withinDays, 'day')}.
        </Text>
      </Stack>
    );
  }
  const busy = resolve.isPending ? resolve.variables?.action : undefined;
  return (
    <Stack gap="sm" component="section" aria-label="Duplicate check">
      <Alert color="orange" variant="light" title={`${plural(data.totalDuplicates, 'contact')} heard from another campaign in the last ${plural(data.withinDays, 'day')}`}>
        {data.recommendations.length > 0 ? (
          <List size="sm">
            {data.recommendations.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        ) : null}
      </Alert>
      <DuplicateTable report={data} />
      {done ? (
        <Alert color="teal" variant="light" role="status">
          {done}
        </Alert>
      ) : (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Button color="orange" variant="light" onClick={() => resolve.mutate({ action: DuplicateAction.remove })} loading={busy === DuplicateAction.remove} disabled={resolve.isPending}>
            Remove duplicates
          </Button>
          <Button variant="default" onClick={() => resolve.mutate({ action: DuplicateAction.keep })} loading={busy === DuplicateAction.keep} disabled={resolve.isPending}>
            Keep them
          </Button>
          <NumberInput
            label="Minimum days between touches"
            min={0}
            max={60}
            w={220}
            value={intervalDays}
            onChange={(value) => setIntervalDays(typeof value === 'number' ? value : Number(value) || 0)}
          />
          <Button
            variant="default"
            onClick={() => resolve.mutate({ action: DuplicateAction.change_interval, minDaysBetweenTouches: intervalDays })}
            loading={busy === DuplicateAction.change_interval}
            disabled={resolve.isPending}
          >
            Change the interval
          </Button>
        </Group>
      )}
      {resolve.error ? <ErrorAlert title="That did not work" message={toApiError(resolve.error).message} code={toApiError(resolve.error).code} /> : null}
    </Stack>
  );
}
