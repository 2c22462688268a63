import { CurrentTenant, ErrorResponseDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ComplianceSettingsResponseDto, ImportDncRegistryRequestDto, ImportDncRegistryResponseDto, UpdateComplianceSettingsRequestDto } from '../dto/compliance-settings.dto';
import { GetComplianceSettingsUseCase, ImportDncRegistryUseCase, UpdateComplianceSettingsUseCase } from '../usecases/compliance-settings.usecase';

@ApiTags('compliance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (details name each field) or UNKNOWN_FIELD' })
@Controller({ path: 'compliance', version: '1' })
export class ComplianceController {
  constructor(
    private readonly getSettings: GetComplianceSettingsUseCase,
    private readonly updateSettings: UpdateComplianceSettingsUseCase,
    private readonly importRegistry: ImportDncRegistryUseCase,
  ) {}

  @Get('settings')
  @ApiOperation({ summary: "The agent's quiet hours, touch budget, opt-out policy, DNC registry compliance and HELP reply" })
  @ApiOkResponse({ type: ComplianceSettingsResponseDto })
  getComplianceSettings(@CurrentTenant() tenant: Tenant): Promise<ComplianceSettingsResponseDto> {
    return this.getSettings.execute(tenant);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Change compliance settings (only the parts given)' })
  @ApiOkResponse({ type: ComplianceSettingsResponseDto })
  updateComplianceSettings(@CurrentTenant() tenant: Tenant, @Body() body: UpdateComplianceSettingsRequestDto): Promise<ComplianceSettingsResponseDto> {
    return this.updateSettings.execute(tenant, body);
  }

  @Post('dnc-registry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import a National DNC Registry scrub: listed and clear numbers with the scrub date' })
  @ApiOkResponse({ type: ImportDncRegistryResponseDto })
  importDncRegistry(@CurrentTenant() tenant: Tenant, @Body() body: ImportDncRegistryRequestDto): Promise<ImportDncRegistryResponseDto> {
    return this.importRegistry.execute(tenant, body);
  }
}
