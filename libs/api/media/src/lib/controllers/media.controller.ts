import { Clock, ErrorResponseDto, Public } from '@cadence/api-core';
import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MediaErrorCode, MediaException } from '../media.exception';
import { MediaUrlSigner } from '../signing/media-url-signer';
import { MediaStorage } from '../storage/media-storage';

/** Stored media behind signed, expiring links: no session, because Drop Cowboy fetches these URLs itself. */
@ApiTags('media')
@Controller({ path: 'media', version: '1' })
export class MediaController {
  constructor(
    private readonly storage: MediaStorage,
    private readonly signer: MediaUrlSigner,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get(':key')
  @ApiProduces('audio/wav', 'audio/mpeg')
  @ApiQuery({ name: 'expires', type: String, description: 'Unix seconds the link stops working' })
  @ApiQuery({ name: 'sig', type: String, description: 'HMAC of key and expiry' })
  @ApiOkResponse({ description: 'The file' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'MEDIA_LINK_INVALID (tampered) or MEDIA_LINK_EXPIRED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async getSignedMedia(@Param('key') key: string, @Query('expires') expires: string | undefined, @Query('sig') sig: string | undefined, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const check = this.signer.check(key, expires, sig, this.clock.now());
    if (check === 'expired') throw new MediaException(MediaErrorCode.LinkExpired, 'This media link has expired');
    if (check !== 'valid') throw new MediaException(MediaErrorCode.LinkInvalid, 'This media link is not valid');
    const stored = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(key) ? await this.storage.get(key) : null;
    if (!stored) throw new MediaException(MediaErrorCode.NotFound, 'No media under this key');
    res.setHeader('Cache-Control', 'private, max-age=300');
    return new StreamableFile(stored.bytes, { type: stored.contentType, length: stored.bytes.length });
  }
}
