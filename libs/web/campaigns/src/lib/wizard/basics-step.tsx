import type { CampaignResponseDto, CampaignType } from '@cadence/web-api-client';
import { useCreateCampaign, useUpdateCampaign } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { TYPE_LABELS } from '../shared/labels';
import { toApiError } from '../shared/api-error';
import type { BasicsValues, FormErrors } from './wizard-validation';
import { basicsOf, hasErrors, validateBasics } from './wizard-validation';

export interface BasicsStepProps {
  campaign?: CampaignResponseDto;
  /** Called with the saved draft (created on the first save). */
  onSaved: (campaign: CampaignResponseDto) => void;
}

/** Name, type and neighborhood; the first save creates the draft on the server. */
export function BasicsStep({ campaign, onSaved }: BasicsStepProps) {
  const [values, setValues] = useState<BasicsValues>(() => basicsOf(campaign));
  const [errors, setErrors] = useState<FormErrors<keyof BasicsValues>>({});
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateBasics(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const body = { name: values.name.trim(), type: values.type, neighborhood: values.neighborhood.trim() || null };
    if (campaign) update.mutate({ id: campaign.id, data: body }, { onSuccess: onSaved });
    else create.mutate({ data: body }, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Campaign basics">
      <Stack gap="md" maw={560}>
        <TextInput
          label="Campaign name"
          description="Only you see it, e.g. “PDCC Expireds – January”."
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          error={errors.name}
          required
          data-autofocus
        />
        <Select
          label="Type"
          data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={values.type}
          allowDeselect={false}
          onChange={(value) => value && setValues({ ...values, type: value as CampaignType })}
        />
        <TextInput
          label="Neighborhood"
          description="Optional: the farm area this campaign works, e.g. PDCC."
          value={values.neighborhood}
          onChange={(e) => setValues({ ...values, neighborhood: e.currentTarget.value })}
          error={errors.neighborhood}
        />
        {failure ? <ErrorAlert title="Could not save the campaign" message={toApiError(failure).message} code={toApiError(failure).code} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {campaign ? 'Save and continue' : 'Create draft and continue'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
