import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignStatus } from '../schemas/campaign.schema';

/** What moves a campaign; each action names the statuses it may start from and where it lands. */
export enum CampaignAction {
  SubmitForReview = 'submit-for-review',
  Approve = 'approve',
  Schedule = 'schedule',
  Start = 'start',
  Pause = 'pause',
  Resume = 'resume',
  Complete = 'complete',
  Fail = 'fail',
  // Voicemail drops (issue #6): generating_scripts → generating_audio → review → approved → submitted → active.
  StartScriptGeneration = 'start-script-generation',
  StartAudioGeneration = 'start-audio-generation',
  FinishGeneration = 'finish-generation',
  Submit = 'submit',
  /** The provider accepted the first of a submitted campaign's sends. */
  ConfirmSubmission = 'confirm-submission',
}

const S = CampaignStatus;

const moves: Record<CampaignAction, { from: CampaignStatus[]; to: CampaignStatus }> = {
  // Voicemail scripts need the agent's review; other channels may be approved straight from draft.
  [CampaignAction.SubmitForReview]: { from: [S.Draft], to: S.Review },
  [CampaignAction.Approve]: { from: [S.Draft, S.Review], to: S.Approved },
  // Launching before the schedule's start date waits in `scheduled`.
  [CampaignAction.Schedule]: { from: [S.Approved, S.Paused], to: S.Scheduled },
  [CampaignAction.Start]: { from: [S.Approved, S.Submitted, S.Scheduled, S.Paused], to: S.Active },
  [CampaignAction.Pause]: { from: [S.Scheduled, S.Submitted, S.Active], to: S.Paused },
  [CampaignAction.Resume]: { from: [S.Paused], to: S.Active },
  [CampaignAction.Complete]: { from: [S.Submitted, S.Active, S.Paused], to: S.Completed },
  [CampaignAction.Fail]: { from: [S.Draft, S.GeneratingScripts, S.GeneratingAudio, S.Review, S.Approved, S.Submitted, S.Scheduled, S.Active, S.Paused], to: S.Failed },
  [CampaignAction.StartScriptGeneration]: { from: [S.Draft, S.Review], to: S.GeneratingScripts },
  [CampaignAction.StartAudioGeneration]: { from: [S.Draft, S.GeneratingScripts, S.Review, S.Approved], to: S.GeneratingAudio },
  [CampaignAction.FinishGeneration]: { from: [S.GeneratingScripts, S.GeneratingAudio], to: S.Review },
  // A launch (or the start date of a scheduled launch) of a campaign with prepared voicemail drops.
  [CampaignAction.Submit]: { from: [S.Approved, S.Scheduled], to: S.Submitted },
  [CampaignAction.ConfirmSubmission]: { from: [S.Submitted], to: S.Active },
};

/** The status `action` leads to from `current`, or a 409 CAMPAIGN_ILLEGAL_TRANSITION naming both. */
export function nextStatus(current: CampaignStatus, action: CampaignAction): CampaignStatus {
  const move = moves[action];
  if (!move.from.includes(current)) {
    throw new CampaignException(CampaignErrorCode.IllegalTransition, `A ${current} campaign cannot ${action.replace(/-/g, ' ')}`, {
      status: current,
      action,
      allowedFrom: move.from,
    });
  }
  return move.to;
}

/** Statuses whose campaign sends: `submitted` is running too, it only waits for its first acceptance. */
export const SENDING_STATUSES: readonly CampaignStatus[] = [S.Submitted, S.Active];

/** Whether the campaign may send (the send path re-reads this right before every provider call). */
export function isSending(status: CampaignStatus): boolean {
  return SENDING_STATUSES.includes(status);
}

/** Launched and not finished: sending, or waiting for its start date. */
export function isRunning(status: CampaignStatus): boolean {
  return status === S.Scheduled || isSending(status);
}

/** Settings may change until the campaign runs, and again while it is paused. */
export function isEditable(status: CampaignStatus): boolean {
  return [S.Draft, S.Review, S.Approved, S.Paused].includes(status);
}
