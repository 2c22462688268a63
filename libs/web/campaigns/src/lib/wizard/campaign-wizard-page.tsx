import type { CampaignResponseDto, StrategyType } from '@cadence/web-api-client';
import { useGetCampaign, useListStrategies } from '@cadence/web-api-client';
import { ErrorAlert, LoadingState, PageHeader } from '@cadence/web-ui';
import { Alert, Anchor, Button, Paper, Stepper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { invalidateCampaigns } from '../shared/query-keys';
import { BasicsStep } from './basics-step';
import { ConfigureStep } from './configure-step';
import { ContactsStep } from './contacts-step';
import { ReviewStep } from './review-step';
import { ScheduleStep } from './schedule-step';
import { StrategiesStep } from './strategies-step';
import type { WizardStep } from './wizard-steps';
import { readStep, stepIndex, WIZARD_STEPS } from './wizard-steps';
import { STRATEGY_TYPES } from './wizard-validation';

/** Statuses whose settings the wizard may still change. */
const EDITABLE = new Set(['draft', 'review', 'approved', 'paused']);

/**
 * The creation wizard. `/campaigns/new` asks for the basics and creates the draft; every later step
 * lives at `/campaigns/:campaignId/setup?step=…` and saves to the server as it advances, so leaving and
 * coming back resumes the draft.
 */
export function CampaignWizardPage() {
  const { campaignId } = useParams();
  useDocumentTitle(campaignId ? 'Set up campaign · Cadence' : 'New campaign · Cadence');
  if (!campaignId) return <NewCampaign />;
  return <DraftWizard campaignId={campaignId} />;
}

function WizardFrame({ active, campaignId, children, title }: { active: number; campaignId?: string; children: React.ReactNode; title: string }) {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <PageHeader
        title={title}
        description="Every step is saved as a draft; you can leave and come back."
        actions={
          campaignId ? (
            <Button component={Link} to={`/campaigns/${campaignId}`} variant="default">
              Open campaign
            </Button>
          ) : null
        }
      />
      <Stepper
        active={active}
        onStepClick={
          campaignId
            ? (index) => {
                const step = WIZARD_STEPS[index]?.key;
                if (!step) return;
                const next = new URLSearchParams(params);
                next.set('step', step);
                setParams(next);
              }
            : undefined
        }
        allowNextStepsSelect={false}
        size="sm"
        mb="lg"
        wrap
      >
        {WIZARD_STEPS.map((step) => (
          <Stepper.Step key={step.key} label={step.label} />
        ))}
      </Stepper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>{children}</Paper>
    </>
  );
}

function NewCampaign() {
  const navigate = useNavigate();
  return (
    <WizardFrame active={0} title="New campaign">
      <BasicsStep onSaved={(campaign) => navigate(`/campaigns/${campaign.id}/setup?step=contacts`)} />
    </WizardFrame>
  );
}

function DraftWizard({ campaignId }: { campaignId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const step: WizardStep = params.get('step') === 'basics' ? 'basics' : readStep(params.get('step'));
  const campaign = useGetCampaign(campaignId);
  const strategies = useListStrategies(campaignId);

  if (campaign.isPending || strategies.isPending) return <LoadingState label="Loading the campaign…" />;
  if (campaign.isError) {
    return <ErrorAlert title="Could not load the campaign" message={campaign.error.message} code={campaign.error.code} onRetry={() => void campaign.refetch()} />;
  }
  if (strategies.isError) {
    return <ErrorAlert title="Could not load the campaign's messages" message={strategies.error.message} code={strategies.error.code} onRetry={() => void strategies.refetch()} />;
  }
  if (!EDITABLE.has(campaign.data.status)) {
    return (
      <Alert color="gray" variant="light" title="This campaign is running">
        Its settings can change only while it is a draft or paused.{' '}
        <Anchor component={Link} to={`/campaigns/${campaignId}`}>
          Open the campaign
        </Anchor>
      </Alert>
    );
  }

  const saved = strategies.data.items;
  const chosenParam = params.get('channels');
  const chosen: StrategyType[] = chosenParam !== null
    ? STRATEGY_TYPES.filter((t) => chosenParam.split(',').includes(t))
    : STRATEGY_TYPES.filter((t) => saved.some((s) => s.type === t));
  const go = (next: WizardStep, extra: Record<string, string> = {}) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set('step', next);
    for (const [key, value] of Object.entries(extra)) nextParams.set(key, value);
    setParams(nextParams);
    window.scrollTo?.({ top: 0 });
  };
  const c: CampaignResponseDto = campaign.data;

  return (
    <WizardFrame active={stepIndex(step)} campaignId={campaignId} title={c.name}>
      {step === 'basics' ? (
        <BasicsStep
          campaign={c}
          onSaved={() => {
            void invalidateCampaigns(queryClient);
            go('contacts');
          }}
        />
      ) : null}
      {step === 'contacts' ? <ContactsStep campaignId={campaignId} onBack={() => go('basics')} onNext={() => go('strategies')} /> : null}
      {step === 'strategies' ? (
        <StrategiesStep
          campaignId={campaignId}
          chosen={chosen}
          strategies={saved}
          onBack={() => go('contacts')}
          onNext={(types) => go('configure', { channels: types.join(',') })}
        />
      ) : null}
      {step === 'configure' ? (
        chosen.length === 0 ? (
          <Alert color="orange" variant="light" title="No channel chosen">
            <Button variant="subtle" onClick={() => go('strategies')}>
              Choose how to reach your contacts
            </Button>
          </Alert>
        ) : (
          <ConfigureStep key={chosen.join(',')} campaignId={campaignId} chosen={chosen} strategies={saved} onBack={() => go('strategies')} onNext={() => go('schedule')} />
        )
      ) : null}
      {step === 'schedule' ? <ScheduleStep campaign={c} onBack={() => go('configure')} onNext={() => go('review')} /> : null}
      {step === 'review' ? (
        <ReviewStep campaign={c} strategies={saved} onBack={() => go('schedule')} onLaunched={(launched) => navigate(`/campaigns/${launched.id}`)} />
      ) : null}
    </WizardFrame>
  );
}
