import { AllExceptionsFilter, AuthConfig, CurrentPrincipal, loadConfig, Principal, Public, Roles, UserRole } from '@cadence/api-core';
import { Controller, Get, INestApplication, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { AuthenticateApiKeyUseCase } from '../usecases/authenticate-api-key.usecase';
import { AuthGuard } from './auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { SessionOnly } from './session-only.decorator';

const secret = 'unit-test-secret-unit-test-secret-0123';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open(): string {
    return 'open';
  }

  @Get('who')
  who(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Roles(UserRole.Admin)
  @Get('admin')
  admin(): string {
    return 'admin';
  }

  @SessionOnly()
  @Post('keys')
  keys(): string {
    return 'keys';
  }
}

describe('AuthGuard over HTTP (API-key lookup faked)', () => {
  let app: INestApplication;
  let jwt: JwtService;
  const apiKeys = { execute: jest.fn() };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PassportModule, JwtModule.register({ secret })],
      controllers: [ProbeController],
      providers: [
        { provide: AuthConfig, useValue: loadConfig(AuthConfig, { JWT_SECRET: secret }) },
        { provide: AuthenticateApiKeyUseCase, useValue: apiKeys },
        { provide: APP_GUARD, useClass: AuthGuard },
        JwtStrategy,
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    jwt = moduleRef.get(JwtService);
  });
  afterAll(() => app.close());
  beforeEach(() => apiKeys.execute.mockReset());

  const token = (role: UserRole, expiresIn = 60) => jwt.sign({ sub: '64b000000000000000000001', role, teamId: null }, { expiresIn });

  it('lets public routes through without credentials', async () => {
    await request(app.getHttpServer()).get('/probe/open').expect(200, 'open');
  });

  it('requires a valid, unexpired access token everywhere else', async () => {
    expect((await request(app.getHttpServer()).get('/probe/who').expect(401)).body.code).toBe('INVALID_ACCESS_TOKEN');
    await request(app.getHttpServer()).get('/probe/who').set('Authorization', `Bearer ${token(UserRole.Agent, -10)}`).expect(401);
    const other = new JwtService({ secret: 'another-secret-another-secret-0123456' }).sign({ sub: 'x', role: 'admin' });
    await request(app.getHttpServer()).get('/probe/who').set('Authorization', `Bearer ${other}`).expect(401);
    const ok = await request(app.getHttpServer()).get('/probe/who').set('Authorization', `Bearer ${token(UserRole.Agent)}`).expect(200);
    expect(ok.body).toEqual({ userId: '64b000000000000000000001', role: 'agent', teamId: null });
  });

  it('enforces roles', async () => {
    expect((await request(app.getHttpServer()).get('/probe/admin').set('Authorization', `Bearer ${token(UserRole.Agent)}`).expect(403)).body.code).toBe('ROLE_REQUIRED');
    await request(app.getHttpServer()).get('/probe/admin').set('Authorization', `Bearer ${token(UserRole.Admin)}`).expect(200);
  });

  it('reads API keys from X-API-Key or a cdk_ bearer token, with the HTTP method for the scope check', async () => {
    apiKeys.execute.mockResolvedValue({ userId: 'u1', teamId: null, role: UserRole.Agent, apiKeyId: 'k1' });
    await request(app.getHttpServer()).get('/probe/who').set('X-API-Key', 'cdk_abc').expect(200);
    await request(app.getHttpServer()).get('/probe/who').set('Authorization', 'Bearer cdk_def').expect(200);
    expect(apiKeys.execute.mock.calls).toEqual([
      ['cdk_abc', 'GET'],
      ['cdk_def', 'GET'],
    ]);
    apiKeys.execute.mockRejectedValue(new AuthException(AuthErrorCode.InvalidApiKey, 'nope'));
    expect((await request(app.getHttpServer()).get('/probe/who').set('X-API-Key', 'cdk_bad').expect(401)).body.code).toBe('INVALID_API_KEY');
  });

  it('keeps API keys away from session-only routes without even looking the key up', async () => {
    expect((await request(app.getHttpServer()).post('/probe/keys').set('X-API-Key', 'cdk_abc').expect(403)).body.code).toBe('SESSION_REQUIRED');
    expect(apiKeys.execute).not.toHaveBeenCalled();
  });
});
