import { BulkContactAction, useBulkContactAction } from '@cadence/web-api-client';
import type { BulkContactActionResponseDto, ContactFilterRequestDto } from '@cadence/web-api-client';
import { ErrorAlert } from '@cadence/web-ui';
import { Button, Group, Modal, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { CampaignPicker } from '../shared/campaign-picker';
import { plural } from '../shared/format';

export interface BulkActionModalProps {
  action: BulkContactAction | null;
  target: { ids: string[] } | { filter: ContactFilterRequestDto } | null;
  /** How many contacts the selection holds, to say so before acting. */
  count: number;
  /** Preselected for add-to-campaign (the campaign the list is filtered by). */
  suggestedCampaignId: string | null;
  onClose: () => void;
  onDone: (result: BulkContactActionResponseDto) => void;
}

const TITLES: Record<BulkContactAction, string> = {
  tag: 'Add tags',
  untag: 'Remove tags',
  'add-to-campaign': 'Add to campaign',
  'mark-do-not-contact': 'Mark as do not contact',
  delete: 'Delete contacts',
};

const SUBMIT: Record<BulkContactAction, string> = {
  tag: 'Add tags',
  untag: 'Remove tags',
  'add-to-campaign': 'Add to campaign',
  'mark-do-not-contact': 'Mark do not contact',
  delete: 'Delete contacts',
};

/** One dialog for every bulk action: what is needed for it, the count it will touch, and the API's answer. */
export function BulkActionModal({ action, target, count, suggestedCampaignId, onClose, onDone }: BulkActionModalProps) {
  const bulk = useBulkContactAction();
  const { reset } = bulk;
  const [tags, setTags] = useState<string[]>([]);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();

  useEffect(() => {
    if (action) {
      reset();
      setTags([]);
      setReason('');
      setFieldError(undefined);
      setCampaignId(suggestedCampaignId);
    }
  }, [action, reset, suggestedCampaignId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action || !target) return;
    if ((action === BulkContactAction.tag || action === BulkContactAction.untag) && tags.length === 0) {
      setFieldError('Type at least one tag and press Enter.');
      return;
    }
    if (action === BulkContactAction['add-to-campaign'] && !campaignId) {
      setFieldError('Choose a campaign.');
      return;
    }
    setFieldError(undefined);
    bulk.mutate(
      {
        data: {
          action,
          ...target,
          ...(action === BulkContactAction.tag || action === BulkContactAction.untag ? { tags } : {}),
          ...(action === BulkContactAction['add-to-campaign'] && campaignId ? { campaignId } : {}),
          ...(action === BulkContactAction['mark-do-not-contact'] && reason.trim() ? { reason: reason.trim() } : {}),
        },
      },
      { onSuccess: onDone },
    );
  };

  const who = plural(count, 'contact');

  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? TITLES[action] : ''}>
      {action ? (
        <form onSubmit={submit} noValidate aria-label={TITLES[action]}>
          <Stack>
            <Text size="sm">
              {action === BulkContactAction.delete ? (
                <>
                  <strong>{who}</strong> will be deleted with their campaign memberships and timelines. This cannot be
                  undone.
                </>
              ) : (
                <>
                  This applies to <strong>{who}</strong>.
                </>
              )}
            </Text>
            {action === BulkContactAction.tag || action === BulkContactAction.untag ? (
              <TagsInput
                label="Tags"
                description="Press Enter after each tag."
                placeholder="e.g. farm-2024"
                value={tags}
                onChange={setTags}
                error={fieldError}
                required
                data-autofocus
                splitChars={[',']}
              />
            ) : null}
            {action === BulkContactAction['add-to-campaign'] ? (
              <CampaignPicker value={campaignId} onChange={setCampaignId} error={fieldError} />
            ) : null}
            {action === BulkContactAction['mark-do-not-contact'] ? (
              <TextInput
                label="Reason"
                description="Optional; kept on each contact’s timeline."
                maxLength={200}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                data-autofocus
              />
            ) : null}
            {bulk.error ? (
              <ErrorAlert title="The action did not run" message={bulk.error.message} code={bulk.error.code} />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={bulk.isPending}>
                Cancel
              </Button>
              <Button
                type="submit"
                color={action === BulkContactAction.delete || action === BulkContactAction['mark-do-not-contact'] ? 'red' : undefined}
                loading={bulk.isPending}
              >
                {SUBMIT[action]}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

export function describeBulkResult(result: BulkContactActionResponseDto): string {
  const changed = result.modified;
  const unchanged = result.matched - result.modified;
  const rest = unchanged > 0 ? ` (${plural(unchanged, 'contact')} already had it)` : '';
  switch (result.action) {
    case 'tag':
      return `Tagged ${plural(changed, 'contact')}${rest}.`;
    case 'untag':
      return `Removed the tags from ${plural(changed, 'contact')}${unchanged > 0 ? ` (${plural(unchanged, 'contact')} did not have them)` : ''}.`;
    case 'add-to-campaign':
      return `Added ${plural(changed, 'contact')} to the campaign${unchanged > 0 ? ` (${plural(unchanged, 'contact')} already in it)` : ''}.`;
    case 'mark-do-not-contact':
      return `Marked ${plural(changed, 'contact')} as do not contact${rest}.`;
    case 'delete':
      return `Deleted ${plural(changed, 'contact')}.`;
  }
}
