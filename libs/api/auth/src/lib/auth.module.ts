import { AuthConfig } from '@cadence/api-core';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeysController } from './controllers/api-keys.controller';
import { AuthController } from './controllers/auth.controller';
import { PasswordHasher } from './crypto/password-hasher';
import { AdminRequestAuthenticator } from './guards/admin-request.authenticator';
import { AuthGuard } from './guards/auth.guard';
import { JwtStrategy } from './guards/jwt.strategy';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UserRepository } from './repositories/user.repository';
import { ApiKey, ApiKeySchema } from './schemas/api-key.schema';
import { RefreshToken, RefreshTokenSchema } from './schemas/refresh-token.schema';
import { User, UserSchema } from './schemas/user.schema';
import { CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase } from './usecases/api-keys.usecase';
import { AuthenticateApiKeyUseCase } from './usecases/authenticate-api-key.usecase';
import { GetMeUseCase, UpdateProfileUseCase } from './usecases/get-me.usecase';
import { IssueSessionService } from './usecases/issue-session.service';
import { LoginUseCase } from './usecases/login.usecase';
import { LogoutUseCase } from './usecases/logout.usecase';
import { RefreshSessionUseCase } from './usecases/refresh-session.usecase';
import { RegisterUseCase } from './usecases/register.usecase';

/** Users, sessions (JWT + rotating refresh tokens), integrator API keys and the global auth guard. */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AuthConfig],
      useFactory: (config: AuthConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AuthConfig],
      useFactory: (config: AuthConfig) => [{ name: 'auth', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
    }),
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: RefreshToken.name, schema: RefreshTokenSchema },
      { name: ApiKey.name, schema: ApiKeySchema },
    ]),
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    JwtStrategy,
    PasswordHasher,
    UserRepository,
    RefreshTokenRepository,
    ApiKeyRepository,
    IssueSessionService,
    RegisterUseCase,
    LoginUseCase,
    LogoutUseCase,
    RefreshSessionUseCase,
    GetMeUseCase,
    UpdateProfileUseCase,
    CreateApiKeyUseCase,
    ListApiKeysUseCase,
    RevokeApiKeyUseCase,
    AuthenticateApiKeyUseCase,
    AdminRequestAuthenticator,
  ],
  exports: [AdminRequestAuthenticator],
})
export class AuthModule {}
