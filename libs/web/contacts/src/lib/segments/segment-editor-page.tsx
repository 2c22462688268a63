import { getGetSegmentQueryKey, getListSegmentsQueryKey, useCreateSegment, useGetSegment, useUpdateSegment } from '@cadence/web-api-client';
import type { SegmentDefinitionDto, SegmentResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Anchor, Button, Grid, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toApiError } from '../shared/api-error';
import { SegmentBuilder } from './segment-builder';
import { SegmentCount } from './segment-count';
import { definitionProblems, emptyDefinition } from './segment-fields';
import { DeleteSegmentModal } from './segments-page';

function SegmentForm({ segment }: { segment: SegmentResponseDto | null }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [definition, setDefinition] = useState<SegmentDefinitionDto>(segment?.definition ?? emptyDefinition());
  const [nameError, setNameError] = useState<string | undefined>();
  const [showProblems, setShowProblems] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = definitionProblems(definition);
    setShowProblems(problems > 0);
    if (!name.trim()) {
      setNameError('Give the segment a name.');
      nameRef.current?.focus();
      return;
    }
    setNameError(undefined);
    if (problems > 0) return;
    const data = { name: name.trim(), description: description.trim() || null, definition };
    const onSuccess = (saved: SegmentResponseDto) => {
      queryClient.setQueryData(getGetSegmentQueryKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: getListSegmentsQueryKey() });
      notifications.show({ color: 'teal', message: `Segment “${saved.name}” was saved.` });
      navigate('/segments');
    };
    const onError = (error: unknown) => {
      const nameProblem = toApiError(error).fieldErrors.find((f) => f.field === 'name');
      if (nameProblem) {
        setNameError(nameProblem.messages.join(' '));
        nameRef.current?.focus();
      }
    };
    if (segment) update.mutate({ id: segment.id, data }, { onSuccess, onError });
    else create.mutate({ data }, { onSuccess, onError });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={segment ? 'Edit segment' : 'New segment'}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
              <Stack gap="md">
                <TextInput
                  ref={nameRef}
                  label="Name"
                  required
                  maxLength={100}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  error={nameError}
                  placeholder="Absentee owners in 92260"
                />
                <Textarea
                  label="Description"
                  maxLength={500}
                  autosize
                  minRows={1}
                  value={description}
                  onChange={(event) => setDescription(event.currentTarget.value)}
                />
              </Stack>
            </Paper>
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="segment-rules-heading">
              <Title order={2} fz="lg" mb="md" id="segment-rules-heading">
                Rules
              </Title>
              <SegmentBuilder value={definition} onChange={setDefinition} showProblems={showProblems} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 72 }}>
            <SegmentCount definition={definition} />
            {saveError ? (
              <ErrorAlert title="Could not save the segment" message={saveError.message} code={saveError.code} />
            ) : null}
            <Group>
              <Button type="submit" loading={saving}>
                {segment ? 'Save changes' : 'Save segment'}
              </Button>
              <Button variant="default" component={Link} to="/segments">
                Cancel
              </Button>
              {segment ? (
                <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
                  Delete
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
      <DeleteSegmentModal
        segment={deleting ? segment : null}
        onClose={() => setDeleting(false)}
        onDeleted={(deleted) => {
          void queryClient.invalidateQueries({ queryKey: getListSegmentsQueryKey() });
          notifications.show({ color: 'teal', message: `Segment “${deleted.name}” was deleted.` });
          navigate('/segments');
        }}
      />
    </form>
  );
}

/** Create (at /segments/new) or edit a segment, with the live count beside the rules. */
export function SegmentEditorPage() {
  const { segmentId } = useParams();
  const editing = segmentId !== undefined;
  const segment = useGetSegment(segmentId ?? '', { query: { enabled: editing } });
  useDocumentTitle(`${editing ? segment.data?.name ?? 'Segment' : 'New segment'} · Cadence`);

  const back = (
    <Anchor component={Link} to="/segments" size="sm">
      ← All segments
    </Anchor>
  );

  if (editing && segment.isPending) {
    return (
      <>
        {back}
        <LoadingState label="Loading segment…" />
      </>
    );
  }
  if (editing && segment.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert
          title={segment.error.statusCode === 404 ? 'This segment does not exist' : 'Could not load the segment'}
          message={segment.error.message}
          code={segment.error.code}
          onRetry={segment.error.statusCode === 404 ? undefined : () => void segment.refetch()}
        />
      </Stack>
    );
  }

  return (
    <>
      {back}
      <PageHeader
        title={editing ? `Edit “${segment.data?.name ?? ''}”` : 'New segment'}
        description="Describe who belongs in the segment; the count on the side follows every change."
      />
      <SegmentForm key={segment.data?.id ?? 'new'} segment={editing ? segment.data ?? null : null} />
    </>
  );
}
