import { CampaignAction, CampaignStatus, nextStatus } from '@cadence/api-campaign';

describe('campaign status for voicemail drops', () => {
  it('follows generating_scripts → generating_audio → review → approved → submitted → active → completed', () => {
    let status = CampaignStatus.Draft;
    for (const [action, expected] of [
      [CampaignAction.StartScriptGeneration, CampaignStatus.GeneratingScripts],
      [CampaignAction.StartAudioGeneration, CampaignStatus.GeneratingAudio],
      [CampaignAction.FinishGeneration, CampaignStatus.Review],
      [CampaignAction.Approve, CampaignStatus.Approved],
      [CampaignAction.Submit, CampaignStatus.Submitted],
      [CampaignAction.Start, CampaignStatus.Active],
      [CampaignAction.Complete, CampaignStatus.Completed],
    ] as const) {
      status = nextStatus(status, action);
      expect(status).toBe(expected);
    }
  });

  it('does not pull a running campaign back into generation', () => {
    expect(() => nextStatus(CampaignStatus.Active, CampaignAction.StartScriptGeneration)).toThrow('A active campaign cannot start script generation');
    expect(() => nextStatus(CampaignStatus.Active, CampaignAction.FinishGeneration)).toThrow();
  });
});
