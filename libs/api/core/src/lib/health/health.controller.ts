import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../tenancy/auth.decorators';
import { CheckHealthUseCase } from './check-health.usecase';
import { HealthResponseDto, HealthState } from './health.response.dto';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly checkHealth: CheckHealthUseCase) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponseDto, description: 'MongoDB, Redis and every queue are up' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'At least one dependency is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const report = await this.checkHealth.execute();
    res.status(report.status === HealthState.Up ? 200 : 503);
    return report;
  }
}
