import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CampaignCollectionOwnershipAdapter } from './campaigns/campaign-ownership.adapter';
import { CAMPAIGN_OWNERSHIP } from './campaigns/campaign-ownership.port';
import { DeleteCampaignMembershipsUseCase, RemoveContactsFromCampaignUseCase, RestoreRemovedCampaignMembersUseCase } from './campaigns/campaign-membership-changes.usecase';
import { ContactsController } from './controllers/contacts.controller';
import { SegmentsController } from './controllers/segments.controller';
import { ContactFilterResolver } from './filters/contact-filter.resolver';
import { TimeZoneResolver } from './normalize/time-zone.resolver';
import { CampaignContactRepository } from './repositories/campaign-contact.repository';
import { ContactEventRepository } from './repositories/contact-event.repository';
import { ContactRepository } from './repositories/contact.repository';
import { SegmentRepository } from './repositories/segment.repository';
import { CampaignContact, CampaignContactSchema } from './schemas/campaign-contact.schema';
import { ContactEvent, ContactEventSchema } from './schemas/contact-event.schema';
import { Contact, ContactSchema } from './schemas/contact.schema';
import { Segment, SegmentSchema } from './schemas/segment.schema';
import { AppendContactEventsUseCase } from './usecases/append-contact-events.usecase';
import { FindContactByIdUseCase, MarkContactConvertedUseCase, RecordContactEngagementUseCase, RecordContactOptInUseCase, RecordContactOptOutUseCase } from './usecases/contact-engagement.usecase';
import { AssignContactsToCampaignUseCase } from './usecases/assign-contacts-to-campaign.usecase';
import { BulkContactActionUseCase } from './usecases/bulk-contact-action.usecase';
import { AddContactToCampaignUseCase, ListContactCampaignsUseCase } from './usecases/contact-campaigns.usecase';
import { GetContactTimelineUseCase, OptOutContactUseCase, SetContactConsentUseCase } from './usecases/contact-consent.usecase';
import { CreateContactUseCase } from './usecases/create-contact.usecase';
import { DeleteContactUseCase } from './usecases/delete-contact.usecase';
import { GetContactUseCase } from './usecases/get-contact.usecase';
import { ListContactsUseCase } from './usecases/list-contacts.usecase';
import { UpdateContactUseCase } from './usecases/update-contact.usecase';
import { MergeImportedContactsUseCase } from './usecases/merge-imported-contacts.usecase';
import {
  CreateSegmentUseCase,
  DeleteSegmentUseCase,
  GetSegmentUseCase,
  ListAudienceContactIdsUseCase,
  ListSegmentsUseCase,
  PreviewSegmentUseCase,
  ResolveSegmentFilterUseCase,
  UpdateSegmentUseCase,
} from './usecases/segments.usecase';

const exported = [
  ContactFilterResolver,
  MergeImportedContactsUseCase,
  AssignContactsToCampaignUseCase,
  AppendContactEventsUseCase,
  ResolveSegmentFilterUseCase,
  ListAudienceContactIdsUseCase,
  RemoveContactsFromCampaignUseCase,
  RestoreRemovedCampaignMembersUseCase,
  DeleteCampaignMembershipsUseCase,
  // Opt-outs, opt-ins, engagement and conversions recorded by the webhook path.
  RecordContactOptOutUseCase,
  RecordContactOptInUseCase,
  RecordContactEngagementUseCase,
  MarkContactConvertedUseCase,
  FindContactByIdUseCase,
  // The route lives in the webhook module, which also stops the contact's pending sends.
  OptOutContactUseCase,
];

/** Persistence and the use cases other modules call (the import worker, later campaigns), without HTTP. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Contact.name, schema: ContactSchema },
      { name: CampaignContact.name, schema: CampaignContactSchema },
      { name: ContactEvent.name, schema: ContactEventSchema },
      { name: Segment.name, schema: SegmentSchema },
    ]),
  ],
  providers: [
    ContactRepository,
    CampaignContactRepository,
    ContactEventRepository,
    SegmentRepository,
    TimeZoneResolver,
    { provide: CAMPAIGN_OWNERSHIP, useClass: CampaignCollectionOwnershipAdapter },
    ...exported,
  ],
  exports: [...exported, ContactRepository, CampaignContactRepository, ContactEventRepository, SegmentRepository, TimeZoneResolver, CAMPAIGN_OWNERSHIP],
})
export class ContactDataModule {}

/** The CRM over HTTP: contacts, their campaigns, consent, timeline, and segments. */
@Module({
  imports: [ContactDataModule],
  controllers: [ContactsController, SegmentsController],
  providers: [
    ListContactsUseCase,
    CreateContactUseCase,
    GetContactUseCase,
    UpdateContactUseCase,
    DeleteContactUseCase,
    BulkContactActionUseCase,
    ListContactCampaignsUseCase,
    AddContactToCampaignUseCase,
    SetContactConsentUseCase,
    GetContactTimelineUseCase,
    ListSegmentsUseCase,
    CreateSegmentUseCase,
    GetSegmentUseCase,
    UpdateSegmentUseCase,
    DeleteSegmentUseCase,
    PreviewSegmentUseCase,
  ],
  exports: [ContactDataModule],
})
export class ContactModule {}
