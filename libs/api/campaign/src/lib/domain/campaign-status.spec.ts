import { CampaignException } from '../campaign.exception';
import { CampaignStatus } from '../schemas/campaign.schema';
import { CampaignAction, isEditable, isRunning, isSending, nextStatus } from './campaign-status';

const S = CampaignStatus;

describe('campaign status machine', () => {
  it('walks draft → review → approved → scheduled → active → paused → active → completed', () => {
    let status = S.Draft;
    for (const [action, expected] of [
      [CampaignAction.SubmitForReview, S.Review],
      [CampaignAction.Approve, S.Approved],
      [CampaignAction.Schedule, S.Scheduled],
      [CampaignAction.Start, S.Active],
      [CampaignAction.Pause, S.Paused],
      [CampaignAction.Resume, S.Active],
      [CampaignAction.Complete, S.Completed],
    ] as const) {
      status = nextStatus(status, action);
      expect(status).toBe(expected);
    }
  });

  it('approves a draft directly and launches an approved campaign', () => {
    expect(nextStatus(S.Draft, CampaignAction.Approve)).toBe(S.Approved);
    expect(nextStatus(S.Approved, CampaignAction.Start)).toBe(S.Active);
  });

  it('submits an approved (or scheduled) voicemail launch, which sends and becomes active on the first acceptance', () => {
    expect(nextStatus(S.Approved, CampaignAction.Submit)).toBe(S.Submitted);
    expect(nextStatus(S.Scheduled, CampaignAction.Submit)).toBe(S.Submitted);
    expect(nextStatus(S.Submitted, CampaignAction.ConfirmSubmission)).toBe(S.Active);
    expect(nextStatus(S.Submitted, CampaignAction.Pause)).toBe(S.Paused);
    expect(nextStatus(S.Submitted, CampaignAction.Complete)).toBe(S.Completed);
    expect(isSending(S.Submitted) && isSending(S.Active)).toBe(true);
    expect([S.Approved, S.Scheduled, S.Paused].some(isSending)).toBe(false);
    expect(isRunning(S.Scheduled) && isRunning(S.Submitted)).toBe(true);
    expect(isEditable(S.Submitted)).toBe(false);
  });

  it.each([
    [S.Active, CampaignAction.ConfirmSubmission],
    [S.Approved, CampaignAction.ConfirmSubmission],
    [S.Draft, CampaignAction.Submit],
    [S.Review, CampaignAction.Submit],
    [S.Submitted, CampaignAction.Submit],
    [S.Draft, CampaignAction.Start],
    [S.Draft, CampaignAction.Pause],
    [S.Active, CampaignAction.Approve],
    [S.Active, CampaignAction.Resume],
    [S.Paused, CampaignAction.Pause],
    [S.Completed, CampaignAction.Resume],
    [S.Completed, CampaignAction.Fail],
    [S.Failed, CampaignAction.Start],
  ])('refuses %s → %s with 409 CAMPAIGN_ILLEGAL_TRANSITION', (from, action) => {
    let error: unknown;
    try {
      nextStatus(from, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CampaignException);
    expect(error).toMatchObject({ statusCode: 409, code: 'CAMPAIGN_ILLEGAL_TRANSITION', details: { status: from, action } });
  });

  it('lets settings change only before running or while paused', () => {
    expect([S.Draft, S.Review, S.Approved, S.Paused].every(isEditable)).toBe(true);
    expect([S.Scheduled, S.Active, S.Completed, S.Failed].some(isEditable)).toBe(false);
  });
});
