import { Clock, NotFoundException, Page, pageOf, PageQueryDto, parseObjectId, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { newApiKeySecret, sha256 } from '../crypto/secret-token';
import { ApiKeyResponseDto, CreateApiKeyRequestDto, CreatedApiKeyResponseDto } from '../dto/api-key.dto';
import { ApiKeyRepository } from '../repositories/api-key.repository';

const SHOWN_PREFIX_LENGTH = 12;

@Injectable()
export class CreateApiKeyUseCase {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute(tenant: Tenant, input: CreateApiKeyRequestDto): Promise<CreatedApiKeyResponseDto> {
    const secret = newApiKeySecret();
    const key = await this.keys.create(tenant, { name: input.name, scope: input.scope, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH), secretHash: sha256(secret) });
    return { ...ApiKeyResponseDto.from(key), secret };
  }
}

@Injectable()
export class ListApiKeysUseCase {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute(tenant: Tenant, query: PageQueryDto): Promise<Page<ApiKeyResponseDto>> {
    const { items, total } = await this.keys.findLivePage(tenant, query);
    return pageOf(items.map(ApiKeyResponseDto.from), total, query);
  }
}

@Injectable()
export class RevokeApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<void> {
    const objectId = parseObjectId(id);
    if (!objectId || !(await this.keys.revoke(tenant, objectId, this.clock.now()))) throw new NotFoundException('API key');
  }
}
