import { Clock, Principal } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { sha256 } from '../crypto/secret-token';
import { ApiKeyRepository } from '../repositories/api-key.repository';
import { UserRepository } from '../repositories/user.repository';
import { ApiKeyScope } from '../schemas/api-key.schema';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthenticateApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(secret: string, httpMethod: string): Promise<Principal> {
    const key = await this.keys.findLiveBySecretHash(sha256(secret));
    const owner = key && (await this.users.findById(key.userId.toHexString()));
    if (!key || !owner) throw new AuthException(AuthErrorCode.InvalidApiKey, 'API key is invalid or revoked');
    if (key.scope === ApiKeyScope.Read && !READ_METHODS.has(httpMethod.toUpperCase())) {
      throw new AuthException(AuthErrorCode.ApiKeyReadOnly, 'This API key is read-only; create a read-write key to make changes');
    }
    await this.keys.touchLastUsed(key._id, this.clock.now());
    return { userId: owner._id.toHexString(), teamId: owner.teamId ?? null, role: owner.role, apiKeyId: key._id.toHexString() };
  }
}
