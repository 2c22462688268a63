import { CurrentTenant, ErrorResponseDto, Page, PageQueryDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyPageResponseDto, ApiKeyResponseDto, CreateApiKeyRequestDto, CreatedApiKeyResponseDto } from '../dto/api-key.dto';
import { SessionOnly } from '../guards/session-only.decorator';
import { CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase } from '../usecases/api-keys.usecase';

@ApiTags('api-keys')
@ApiBearerAuth()
@SessionOnly()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'SESSION_REQUIRED: API keys cannot manage API keys' })
@Controller({ path: 'api-keys', version: '1' })
export class ApiKeysController {
  constructor(
    private readonly createKey: CreateApiKeyUseCase,
    private readonly listKeys: ListApiKeysUseCase,
    private readonly revokeKey: RevokeApiKeyUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: ApiKeyPageResponseDto })
  listApiKeys(@CurrentTenant() tenant: Tenant, @Query() query: PageQueryDto): Promise<Page<ApiKeyResponseDto>> {
    return this.listKeys.execute(tenant, query);
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto, description: 'The secret is in this response only' })
  createApiKey(@CurrentTenant() tenant: Tenant, @Body() body: CreateApiKeyRequestDto): Promise<CreatedApiKeyResponseDto> {
    return this.createKey.execute(tenant, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working at once' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  revokeApiKey(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<void> {
    return this.revokeKey.execute(tenant, id);
  }
}
