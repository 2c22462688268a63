import { CurrentTenant, ErrorResponseDto, Tenant } from '@cadence/api-core';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExportComplianceRecordUseCase } from '../usecases/compliance-export.usecase';

@ApiTags('compliance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller({ path: 'campaigns', version: '1' })
export class ComplianceExportController {
  constructor(private readonly exportRecord: ExportComplianceRecordUseCase) {}

  @Get(':id/compliance-export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The compliance record of every send of a campaign, as CSV' })
  @ApiOkResponse({ description: 'CSV, one row per execution', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND' })
  async exportComplianceRecord(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const rows = this.exportRecord.execute(tenant, id);
    // The first chunk (the header) comes after the ownership check, so a 404 is still a JSON error.
    const header = await rows.next();
    res.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="compliance-${id}.csv"`);
    if (!header.done) res.write(header.value);
    for await (const chunk of rows) res.write(chunk);
    res.end();
  }
}
