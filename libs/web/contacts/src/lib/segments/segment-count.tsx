import { previewSegment } from '@cadence/web-api-client';
import type { ApiError, SegmentDefinitionDto, SegmentPreviewResponseDto } from '@cadence/web-api-client';
import { Anchor, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { contactName, formatCount } from '../shared/format';
import { definitionProblems } from './segment-fields';

export const COUNT_DEBOUNCE_MS = 400;
const SAMPLE_SIZE = 5;

/** How many contacts the definition matches right now, asked again (debounced) after every change. */
export function SegmentCount({ definition }: { definition: SegmentDefinitionDto }) {
  const [debounced] = useDebouncedValue(definition, COUNT_DEBOUNCE_MS);
  const complete = definitionProblems(debounced) === 0;
  const preview = useQuery<SegmentPreviewResponseDto, ApiError>({
    queryKey: ['/api/v1/segments/preview', debounced],
    queryFn: ({ signal }) => previewSegment({ definition: debounced, sampleSize: SAMPLE_SIZE }, { signal }),
    enabled: complete,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const settling = definition !== debounced || preview.isFetching;

  let message: string;
  if (!complete) message = 'Finish the conditions to see how many contacts match.';
  else if (preview.isError) message = `Could not count: ${preview.error.message}`;
  else if (preview.data) message = `${formatCount(preview.data.count)} contact${preview.data.count === 1 ? '' : 's'} match`;
  else message = 'Counting…';

  return (
    <Paper withBorder p="md" bg="var(--mantine-color-indigo-light)">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Text fw={700} fz="lg" role="status" aria-live="polite" c={preview.isError && complete ? 'red' : undefined}>
            {message}
          </Text>
          {settling && complete ? <Loader size="xs" aria-label="Updating the count" /> : null}
        </Group>
        {preview.isError && complete && preview.error.code ? (
          <Text size="xs" c="dimmed">
            Error code: {preview.error.code}
          </Text>
        ) : null}
        {complete && preview.data && preview.data.sample.length > 0 ? (
          <div>
            <Text size="xs" c="dimmed">
              Newest matching contacts
            </Text>
            <Group gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Sample of matching contacts">
              {preview.data.sample.map((contact) => (
                <li key={contact.id}>
                  <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm">
                    {contactName(contact)}
                  </Anchor>
                </li>
              ))}
            </Group>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
