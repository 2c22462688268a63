import { AuthConfig, CurrentPrincipal, ErrorResponseDto, Principal, Public, Roles, UserRole } from '@cadence/api-core';
import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiSecurity, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { LoginRequestDto, RefreshRequestDto, RegisterRequestDto, UpdateProfileRequestDto } from '../dto/register.request.dto';
import { AuthTokensResponseDto, UserResponseDto } from '../dto/user.response.dto';
import { BOARD_SESSION_COOKIE } from '../guards/admin-request.authenticator';
import { SessionOnly } from '../guards/session-only.decorator';
import { GetMeUseCase, UpdateProfileUseCase } from '../usecases/get-me.usecase';
import { LogoutUseCase } from '../usecases/logout.usecase';
import { LoginUseCase } from '../usecases/login.usecase';
import { RefreshSessionUseCase } from '../usecases/refresh-session.usecase';
import { RegisterUseCase } from '../usecases/register.usecase';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUseCase,
    private readonly loginUser: LoginUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly getMe: GetMeUseCase,
    private readonly updateProfile: UpdateProfileUseCase,
    private readonly logoutSession: LogoutUseCase,
    private readonly config: AuthConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('register')
  @ApiCreatedResponse({ type: AuthTokensResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EMAIL_TAKEN' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'RATE_LIMITED' })
  register(@Body() body: RegisterRequestDto): Promise<AuthTokensResponseDto> {
    return this.registerUser.execute(body);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'RATE_LIMITED' })
  login(@Body() body: LoginRequestDto): Promise<AuthTokensResponseDto> {
    return this.loginUser.execute(body);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensResponseDto, description: 'A new access token and the next refresh token; the one sent is spent' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_REFRESH_TOKEN, or REFRESH_TOKEN_REUSED (the whole session is revoked)' })
  refresh(@Body() body: RefreshRequestDto): Promise<AuthTokensResponseDto> {
    return this.refreshSession.execute(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The refresh token and every token of its session are revoked' })
  logout(@Body() body: RefreshRequestDto): Promise<void> {
    return this.logoutSession.execute(body.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  me(@CurrentPrincipal() principal: Principal): Promise<UserResponseDto> {
    return this.getMe.execute(principal);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'API_KEY_READ_ONLY' })
  updateMe(@CurrentPrincipal() principal: Principal, @Body() body: UpdateProfileRequestDto): Promise<UserResponseDto> {
    return this.updateProfile.execute(principal, body);
  }

  /** Lets an admin's browser open the queue dashboard, which is a plain page that sends no header. */
  @SessionOnly()
  @Roles(UserRole.Admin)
  @Post('board-session')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Sets a short-lived HttpOnly cookie scoped to /api/admin/queues' })
  boardSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const token = request.headers.authorization?.slice(7).trim() ?? '';
    response.cookie(BOARD_SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/api/admin/queues',
      maxAge: this.config.JWT_ACCESS_TTL_SECONDS * 1000,
    });
  }
}
