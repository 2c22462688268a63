import { CurrentTenant, ErrorResponseDto, Page, PageQueryDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AddContactToCampaignRequestDto, BulkContactActionRequestDto, BulkContactActionResponseDto, SetConsentRequestDto } from '../dto/contact-actions.request.dto';
import { ListContactsQueryDto } from '../dto/contact-filter.request.dto';
import { ContactCampaignListResponseDto, ContactCampaignResponseDto, ContactEventPageResponseDto, ContactEventResponseDto } from '../dto/contact-history.response.dto';
import { CreateContactRequestDto, UpdateContactRequestDto } from '../dto/contact.request.dto';
import { ContactPageResponseDto, ContactResponseDto } from '../dto/contact.response.dto';
import { BulkContactActionUseCase } from '../usecases/bulk-contact-action.usecase';
import { AddContactToCampaignUseCase, ListContactCampaignsUseCase } from '../usecases/contact-campaigns.usecase';
import { GetContactTimelineUseCase, SetContactConsentUseCase } from '../usecases/contact-consent.usecase';
import { CreateContactUseCase } from '../usecases/create-contact.usecase';
import { DeleteContactUseCase } from '../usecases/delete-contact.usecase';
import { GetContactUseCase } from '../usecases/get-contact.usecase';
import { ListContactsUseCase } from '../usecases/list-contacts.usecase';
import { UpdateContactUseCase } from '../usecases/update-contact.usecase';

@ApiTags('contacts')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (details name each field) or UNKNOWN_FIELD' })
@Controller({ path: 'contacts', version: '1' })
export class ContactsController {
  constructor(
    private readonly listUseCase: ListContactsUseCase,
    private readonly createUseCase: CreateContactUseCase,
    private readonly getUseCase: GetContactUseCase,
    private readonly updateUseCase: UpdateContactUseCase,
    private readonly deleteUseCase: DeleteContactUseCase,
    private readonly bulkUseCase: BulkContactActionUseCase,
    private readonly campaignsUseCase: ListContactCampaignsUseCase,
    private readonly addToCampaignUseCase: AddContactToCampaignUseCase,
    private readonly consentUseCase: SetContactConsentUseCase,
    private readonly timelineUseCase: GetContactTimelineUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List and search contacts' })
  @ApiOkResponse({ type: ContactPageResponseDto })
  listContacts(@CurrentTenant() tenant: Tenant, @Query() query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    return this.listUseCase.execute(tenant, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a contact' })
  @ApiCreatedResponse({ type: ContactResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CONTACT_DUPLICATE: another contact has this phone or email (details name it)' })
  createContact(@CurrentTenant() tenant: Tenant, @Body() body: CreateContactRequestDto): Promise<ContactResponseDto> {
    return this.createUseCase.execute(tenant, body);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tag, untag, add to a campaign, mark do-not-contact or delete a selection, a saved segment or every contact matching a filter' })
  @ApiOkResponse({ type: BulkContactActionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND, or NOT_FOUND for a segment that is not yours' })
  bulkContactAction(@CurrentTenant() tenant: Tenant, @Body() body: BulkContactActionRequestDto): Promise<BulkContactActionResponseDto> {
    return this.bulkUseCase.execute(tenant, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getContact(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<ContactResponseDto> {
    return this.getUseCase.execute(tenant, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields; arrays replace, null clears an address' })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CONTACT_DUPLICATE' })
  updateContact(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: UpdateContactRequestDto): Promise<ContactResponseDto> {
    return this.updateUseCase.execute(tenant, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its campaign memberships and timeline' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  deleteContact(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<void> {
    return this.deleteUseCase.execute(tenant, id);
  }

  @Get(':id/campaigns')
  @ApiOperation({ summary: 'Campaign history with per-channel status' })
  @ApiOkResponse({ type: ContactCampaignListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  listContactCampaigns(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<ContactCampaignListResponseDto> {
    return this.campaignsUseCase.execute(tenant, id);
  }

  @Post(':id/campaigns')
  @ApiOperation({ summary: 'Add the contact to a campaign (adding again changes nothing)' })
  @ApiCreatedResponse({ type: ContactCampaignResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOT_FOUND (contact) or CAMPAIGN_NOT_FOUND' })
  addContactToCampaign(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: AddContactToCampaignRequestDto): Promise<ContactCampaignResponseDto> {
    return this.addToCampaignUseCase.execute(tenant, id, body);
  }

  @Put(':id/consent')
  @ApiOperation({ summary: "Record one channel's consent with its source, time and wording" })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  setContactConsent(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: SetConsentRequestDto): Promise<ContactResponseDto> {
    return this.consentUseCase.execute(tenant, id, body);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event held for the contact, newest first' })
  @ApiOkResponse({ type: ContactEventPageResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getContactTimeline(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Query() query: PageQueryDto): Promise<Page<ContactEventResponseDto>> {
    return this.timelineUseCase.execute(tenant, id, query);
  }
}
