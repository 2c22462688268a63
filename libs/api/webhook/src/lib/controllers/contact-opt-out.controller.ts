import { CurrentTenant, ErrorResponseDto, Tenant } from '@cadence/api-core';
import { ContactResponseDto, OptOutRequestDto } from '@cadence/api-contact';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApplyManualOptOutUseCase } from '../usecases/manual-opt-out.usecase';

/** A contact route served here because an opt-out also stops sends (strategy) and marks members (campaign). */
@ApiTags('contacts')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller({ path: 'contacts', version: '1' })
export class ContactOptOutController {
  constructor(private readonly optOut: ApplyManualOptOutUseCase) {}

  @Post(':id/opt-out')
  @HttpCode(200)
  @ApiOperation({ summary: "Record an opt-out from one channel, or from every channel (do not contact); the contact's pending sends on those channels stop at once" })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  optOutContact(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: OptOutRequestDto): Promise<ContactResponseDto> {
    return this.optOut.execute(tenant, id, body);
  }
}
