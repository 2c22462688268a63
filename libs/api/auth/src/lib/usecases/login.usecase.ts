import { Injectable } from '@nestjs/common';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { PasswordHasher } from '../crypto/password-hasher';
import { LoginRequestDto } from '../dto/register.request.dto';
import { AuthTokensResponseDto } from '../dto/user.response.dto';
import { UserRepository } from '../repositories/user.repository';
import { IssueSessionService } from './issue-session.service';

@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: IssueSessionService,
  ) {}

  async execute(input: LoginRequestDto): Promise<AuthTokensResponseDto> {
    const user = await this.users.findByEmail(input.email);
    // An unknown email still costs one hash verification, so timing does not reveal which emails exist.
    const valid = user ? await this.hasher.verify(user.passwordHash, input.password) : await this.hasher.verifyAgainstDecoy(input.password);
    if (!user || !valid) throw new AuthException(AuthErrorCode.InvalidCredentials, 'Email or password is wrong');
    return this.sessions.issue(user);
  }
}
