import { AuthConfig, UserRole } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { MongoServerError } from 'mongodb';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { PasswordHasher } from '../crypto/password-hasher';
import { RegisterRequestDto } from '../dto/register.request.dto';
import { AuthTokensResponseDto } from '../dto/user.response.dto';
import { UserRepository } from '../repositories/user.repository';
import { IssueSessionService } from './issue-session.service';

@Injectable()
export class RegisterUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: IssueSessionService,
    private readonly config: AuthConfig,
  ) {}

  async execute(input: RegisterRequestDto): Promise<AuthTokensResponseDto> {
    const role = this.config.adminEmails().includes(input.email) ? UserRole.Admin : UserRole.Agent;
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const user = await this.users.create({ email: input.email, passwordHash, name: input.name, role });
      return await this.sessions.issue(user);
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) {
        throw new AuthException(AuthErrorCode.EmailTaken, 'An account with this email already exists');
      }
      throw error;
    }
  }
}
