import { MediaLinks, MediaStorage } from '@cadence/api-media';
import { Types } from 'mongoose';
import { VoicemailScriptRepository } from '../repositories/voicemail-script.repository';
import { AudioStatus, ReviewStatus, VoicemailScript } from '../schemas/voicemail-script.schema';
import { VoicemailConfig } from '../voicemail.config';
import { PerContactAudioResolver, UploadMedia } from './per-contact-audio';

const tenant = { userId: new Types.ObjectId().toHexString(), teamId: null };
const campaignId = new Types.ObjectId();
const contactId = new Types.ObjectId();

function setup(script: Partial<VoicemailScript> | null, delivery: 'upload' | 'url' = 'upload') {
  let stored: VoicemailScript | null = script
    ? ({ _id: new Types.ObjectId(), scriptVersion: 3, reviewStatus: ReviewStatus.Approved, audio: { status: AudioStatus.Completed, mediaKey: 'vm-abc.wav', format: 'wav' }, delivery: { dropCowboyMediaId: null, uploadedMediaKey: null }, ...script } as VoicemailScript)
    : null;
  const scripts = {
    findForContact: jest.fn(async () => stored),
    update: jest.fn(async (_t: unknown, _id: unknown, _e: unknown, u: { $set: Record<string, string> }) => {
      if (stored) stored = { ...stored, delivery: { ...stored.delivery, dropCowboyMediaId: u.$set['delivery.dropCowboyMediaId'], uploadedMediaKey: u.$set['delivery.uploadedMediaKey'] } } as VoicemailScript;
      return stored;
    }),
  } as unknown as VoicemailScriptRepository;
  const storage = { get: jest.fn(async () => ({ bytes: Buffer.from('RIFF-audio'), contentType: 'audio/wav' })) } as unknown as MediaStorage;
  const links = { signedUrl: (key: string) => ({ url: `https://api.example/api/v1/media/${key}?expires=1&sig=s`, expiresAt: new Date() }) } as unknown as MediaLinks;
  const config = Object.assign(new VoicemailConfig(), { VOICEMAIL_AUDIO_DELIVERY: delivery });
  const upload = jest.fn<ReturnType<UploadMedia>, Parameters<UploadMedia>>(async () => ({ mediaId: 'dc-media-1' }));
  return { resolver: new PerContactAudioResolver(scripts, storage, links, config), upload };
}

describe('PerContactAudioResolver', () => {
  it('uploads the approved audio to Drop Cowboy once and reuses the media id afterwards', async () => {
    const { resolver, upload } = setup({});
    expect(await resolver.resolve(tenant, campaignId, contactId, upload)).toEqual({ kind: 'media', mediaId: 'dc-media-1' });
    expect(await resolver.resolve(tenant, campaignId, contactId, upload)).toEqual({ kind: 'media', mediaId: 'dc-media-1' });
    expect(upload).toHaveBeenCalledTimes(1);
    expect(upload.mock.calls[0][0]).toMatchObject({ format: 'wav', bytes: Buffer.from('RIFF-audio') });
  });

  it('gives the signed URL as audio_url in url mode', async () => {
    const { resolver, upload } = setup({}, 'url');
    expect(await resolver.resolve(tenant, campaignId, contactId, upload)).toEqual({ kind: 'url', audioUrl: 'https://api.example/api/v1/media/vm-abc.wav?expires=1&sig=s' });
    expect(upload).not.toHaveBeenCalled();
  });

  it('sends nothing for a contact without approved, finished audio', async () => {
    for (const script of [null, { reviewStatus: ReviewStatus.Pending }, { audio: { status: AudioStatus.Pending } as VoicemailScript['audio'] }]) {
      const { resolver, upload } = setup(script);
      expect(await resolver.resolve(tenant, campaignId, contactId, upload)).toBeNull();
      expect(upload).not.toHaveBeenCalled();
    }
  });
});
