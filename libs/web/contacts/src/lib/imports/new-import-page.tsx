import { ImportDedupePolicy, ImportPreset, usePreviewImport, useStartImport } from '@cadence/web-api-client';
import type { ImportPreviewResponseDto } from '@cadence/web-api-client';
import { ErrorAlert, PageHeader } from '@cadence/web-ui';
import { Alert, Anchor, Box, Button, FileInput, Group, List, Paper, Radio, Select, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CampaignPicker } from '../shared/campaign-picker';
import { formatCount } from '../shared/format';
import { DEDUPE_LABELS, PRESET_LABELS } from '../shared/labels';
import type { ColumnMapping, ImportField } from './mapping';
import { hasContactColumn } from './mapping';
import { MappingEditor } from './mapping-editor';
import { PreviewSample } from './preview-sample';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.vcf,.vcard,.json,text/csv,text/vcard,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 50 * 1024 * 1024;

type CampaignOption = 'none' | 'existing' | 'new';

/** Column names the API reports when it finds no phone or email column (400 IMPORT_NO_CONTACT_COLUMN). */
function columnsOfNoContactError(details: unknown): string[] | null {
  if (typeof details !== 'object' || details === null) return null;
  const columns = (details as { columns?: unknown }).columns;
  return Array.isArray(columns) && columns.every((c) => typeof c === 'string') ? (columns as string[]) : null;
}

/**
 * Upload → columns (mapping editor over the server's preview) → options → start. The file stays in
 * the browser between steps and is sent again to start; the server parses and normalises it.
 */
export function NewImportPage() {
  useDocumentTitle('New import · Cadence');
  const navigate = useNavigate();
  const preview = usePreviewImport();
  const start = useStartImport();

  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preset, setPreset] = useState<ImportPreset | null>(null);
  const [result, setResult] = useState<ImportPreviewResponseDto | null>(null);
  /** Set when the server could not suggest a mapping (no phone or email column found). */
  const [noSuggestion, setNoSuggestion] = useState(false);
  const [columns, setColumns] = useState<string[]>([]);
  const [suggested, setSuggested] = useState<ColumnMapping>({});
  const [mapping, setMapping] = useState<ColumnMapping>({});
  /** The mapping the sample rows on screen were normalised with. */
  const [previewedMapping, setPreviewedMapping] = useState<ColumnMapping>({});
  const [showRequired, setShowRequired] = useState(false);
  const [dedupe, setDedupe] = useState<ImportDedupePolicy>(ImportDedupePolicy['create-or-update']);
  const [campaignOption, setCampaignOption] = useState<CampaignOption>('none');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [newCampaignName, setNewCampaignName] = useState('');
  const [campaignError, setCampaignError] = useState<string | undefined>();

  const headings = [useRef<HTMLHeadingElement>(null), useRef<HTMLHeadingElement>(null), useRef<HTMLHeadingElement>(null)];
  const mappingRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  // Moving between steps moves focus to the new step's heading, so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headings[step]?.current?.focus();
  }, [step]);

  const upload = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError('Choose the file to import.');
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError('The file is larger than 50 MB. Split it and import the parts one after the other.');
      return;
    }
    setFileError(undefined);
    preview.mutate(
      { data: { file, ...(preset ? { preset } : {}) } },
      {
        onSuccess: (data) => {
          setResult(data);
          // The server answers 200 without a phone or email column, so the agent can map one by hand.
          setNoSuggestion(!data.contactColumnMapped);
          setColumns(data.columns);
          setSuggested(data.suggestedMapping);
          setMapping(data.mapping);
          setPreviewedMapping(data.mapping);
          setShowRequired(!data.contactColumnMapped);
          setStep(1);
        },
        onError: (error) => {
          const found = error.code === 'IMPORT_NO_CONTACT_COLUMN' ? columnsOfNoContactError(error.details) : null;
          if (found) {
            // Still let the agent map the columns by hand: the server found them, just no phone or email.
            const blank = Object.fromEntries(found.map((column) => [column, 'custom' as ImportField]));
            setResult(null);
            setNoSuggestion(true);
            setColumns(found);
            setSuggested(blank);
            setMapping(blank);
            setShowRequired(true);
            preview.reset();
            setStep(1);
          }
        },
      },
    );
  };

  /** Normalises the sample rows again with the mapping as the agent edited it. */
  const refreshPreview = () => {
    if (!file) return;
    const sent = mapping;
    preview.mutate(
      { data: { file, mapping: JSON.stringify(sent), ...(result ? { preset: result.preset, format: result.format } : preset ? { preset } : {}) } },
      {
        onSuccess: (data) => {
          setResult(data);
          setPreviewedMapping(sent);
          setNoSuggestion(false);
        },
      },
    );
  };

  const toOptions = () => {
    if (!hasContactColumn(mapping)) {
      setShowRequired(true);
      mappingRef.current?.focus();
      return;
    }
    setStep(2);
  };

  const begin = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (campaignOption === 'new' && !newCampaignName.trim()) {
      setCampaignError('Name the new campaign.');
      return;
    }
    if (campaignOption === 'existing' && !campaignId) {
      setCampaignError('Choose a campaign.');
      return;
    }
    setCampaignError(undefined);
    const name = newCampaignName.trim();
    start.mutate(
      {
        data: {
          file,
          mapping: JSON.stringify(mapping),
          dedupePolicy: dedupe,
          ...(result ? { preset: result.preset, format: result.format } : preset ? { preset } : {}),
          ...(campaignOption === 'existing' && campaignId ? { campaignId } : {}),
          ...(campaignOption === 'new' ? { newCampaignName: name } : {}),
        },
      },
      {
        onSuccess: (batch) => navigate(`/imports/${batch.id}`),
      },
    );
  };

  const mappedCount = Object.values(mapping).filter((f) => f !== 'ignore').length;
  const previewStale = Object.entries(mapping).some(([column, field]) => (previewedMapping[column] ?? 'ignore') !== field);

  return (
    <>
      <Anchor component={Link} to="/imports" size="sm">
        ← All imports
      </Anchor>
      <PageHeader
        title="Import contacts"
        description="CSV (any delimiter), Excel, vCard, JSON, title-rep, Mojo Dialer or Google Contacts exports, up to 50 MB."
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stepper active={step} onStepClick={(index) => index < step && setStep(index)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="Upload" description="Choose the file">
            <form onSubmit={upload} noValidate aria-labelledby="import-step-upload">
              <Stack gap="md" mt="md">
                <Title order={2} fz="lg" id="import-step-upload" ref={headings[0]} tabIndex={-1}>
                  1. Upload the file
                </Title>
                <FileInput
                  ref={fileRef}
                  label="File"
                  description="Nothing is imported yet: you will see how the columns map first."
                  placeholder="Choose a file"
                  accept={ACCEPT}
                  value={file}
                  onChange={(value) => {
                    setFile(value);
                    setFileError(undefined);
                    preview.reset();
                  }}
                  error={fileError}
                  required
                  clearable
                />
                <Select
                  label="Kind of export"
                  description="Detected from the column names when left on automatic."
                  data={[
                    { value: 'auto', label: 'Detect automatically' },
                    ...Object.values(ImportPreset).map((value) => ({ value, label: PRESET_LABELS[value] })),
                  ]}
                  value={preset ?? 'auto'}
                  onChange={(value) => setPreset(value && value !== 'auto' ? (value as ImportPreset) : null)}
                  allowDeselect={false}
                  maw={360}
                />
                {preview.error ? (
                  <ErrorAlert title="Could not read the file" message={preview.error.message} code={preview.error.code} />
                ) : null}
                <Group>
                  <Button type="submit" loading={preview.isPending}>
                    Upload and preview
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step label="Columns" description="Check the mapping">
            <Stack gap="md" mt="md">
              <Title order={2} fz="lg" id="import-step-columns" ref={headings[1]} tabIndex={-1}>
                2. Match the columns
              </Title>
              {result ? (
                <Text size="sm" c="dimmed">
                  {file?.name}: {formatCount(result.totalRows)} row{result.totalRows === 1 ? '' : 's'}, read as{' '}
                  {PRESET_LABELS[result.preset].toLowerCase()}
                  {result.encoding ? ` (${result.encoding}` : ''}
                  {result.delimiter ? `${result.encoding ? ', ' : ' ('}separated by “${result.delimiter === '\t' ? 'tab' : result.delimiter}”` : ''}
                  {result.encoding || result.delimiter ? ')' : ''}.
                </Text>
              ) : null}
              {noSuggestion ? (
                <Alert color="yellow" variant="light" role="note" title="No column looked like a phone or email">
                  Choose the column that holds phone numbers or emails for {file?.name}
                  {result ? ', then update the preview to see the rows as they will be imported' : '; the rows are checked when the import runs'}.
                </Alert>
              ) : null}
              {result && result.warnings.length > 0 ? (
                <Alert
                  color="yellow"
                  variant="light"
                  title={previewStale ? 'Worth checking (found with the earlier mapping)' : 'Worth checking'}
                  role="note"
                >
                  <List size="sm">
                    {result.warnings.map((warning) => (
                      <List.Item key={warning}>{warning}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
              <MappingEditor
                ref={mappingRef}
                columns={columns}
                mapping={mapping}
                suggested={suggested}
                samples={result?.columnSamples}
                showRequiredError={showRequired}
                onChange={(column, field) => setMapping((current) => ({ ...current, [column]: field }))}
              />
              {result ? (
                <Stack gap="xs">
                  <Title order={3} fz="md">
                    First rows as the server reads them
                  </Title>
                  <Group gap="sm" wrap="wrap">
                    <Text size="xs" c={previewStale ? 'orange.8' : 'dimmed'} role="status">
                      {previewStale
                        ? 'You changed the mapping since these rows were read: update the preview to see them with your changes.'
                        : 'With the mapping above.'}
                    </Text>
                    {previewStale ? (
                      <Button size="xs" variant="default" onClick={refreshPreview} loading={preview.isPending}>
                        Update preview
                      </Button>
                    ) : null}
                  </Group>
                  {preview.error && step === 1 ? (
                    <ErrorAlert title="Could not update the preview" message={preview.error.message} code={preview.error.code} />
                  ) : null}
                  <PreviewSample rows={result.sampleRows} />
                </Stack>
              ) : null}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  Back
                </Button>
                <Button onClick={toOptions}>Continue</Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label="Options" description="Duplicates and campaign">
            <form onSubmit={begin} noValidate aria-labelledby="import-step-options">
              <Stack gap="lg" mt="md">
                <Title order={2} fz="lg" id="import-step-options" ref={headings[2]} tabIndex={-1}>
                  3. Choose the options
                </Title>
                <Radio.Group
                  label="When a row matches a contact you already have (same phone or email)"
                  value={dedupe}
                  onChange={(value) => setDedupe(value as ImportDedupePolicy)}
                >
                  <Stack gap="xs" mt="xs">
                    {Object.values(ImportDedupePolicy).map((value) => (
                      <Radio key={value} value={value} label={DEDUPE_LABELS[value].label} description={DEDUPE_LABELS[value].description} />
                    ))}
                  </Stack>
                </Radio.Group>
                <Radio.Group
                  label="Campaign"
                  value={campaignOption}
                  onChange={(value) => {
                    setCampaignOption(value as CampaignOption);
                    setCampaignError(undefined);
                  }}
                  error={campaignOption === 'none' ? undefined : campaignError}
                >
                  <Stack gap="xs" mt="xs">
                    <Radio value="none" label="Do not add the contacts to a campaign" />
                    <Radio value="new" label="Create a draft campaign and add every imported contact to it" />
                    {campaignOption === 'new' ? (
                      <TextInput
                        ml="xl"
                        label="Campaign name"
                        maxLength={100}
                        value={newCampaignName}
                        onChange={(event) => setNewCampaignName(event.currentTarget.value)}
                        required
                        maw={360}
                      />
                    ) : null}
                    <Radio value="existing" label="Add them to one of my campaigns" />
                    {campaignOption === 'existing' ? (
                      <Box ml="xl" maw={360}>
                        <CampaignPicker value={campaignId} onChange={setCampaignId} />
                      </Box>
                    ) : null}
                  </Stack>
                </Radio.Group>
                <Paper withBorder p="sm" bg="var(--mantine-color-gray-light)">
                  <Text size="sm">
                    <strong>{file?.name}</strong>
                    {result ? ` · ${formatCount(result.totalRows)} rows` : ''} · {mappedCount} of {columns.length} columns
                    imported
                  </Text>
                </Paper>
                {start.error ? (
                  <ErrorAlert title="The import did not start" message={start.error.message} code={start.error.code} />
                ) : null}
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(1)} disabled={start.isPending}>
                    Back
                  </Button>
                  <Button type="submit" loading={start.isPending}>
                    Start import
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
        </Stepper>
      </Paper>
    </>
  );
}
