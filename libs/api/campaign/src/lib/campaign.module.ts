import { CampaignContact, CampaignContactSchema, Contact, ContactDataModule, ContactSchema } from '@cadence/api-contact';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CampaignActivityController } from './controllers/campaign-activity.controller';
import { CampaignContactsController } from './controllers/campaign-contacts.controller';
import { CampaignsController } from './controllers/campaigns.controller';
import { CampaignMembershipRepository } from './repositories/campaign-membership.repository';
import { CampaignActivityRepository } from './repositories/campaign-activity.repository';
import { CampaignRepository } from './repositories/campaign.repository';
import { CampaignActivity, CampaignActivitySchema } from './schemas/campaign-activity.schema';
import { Campaign, CampaignSchema } from './schemas/campaign.schema';
import { ListCampaignActivityUseCase, RecordCampaignActivityUseCase } from './usecases/campaign-activity.usecase';
import { AddCampaignContactsUseCase, ListCampaignContactsUseCase, RemoveCampaignContactsUseCase } from './usecases/campaign-contacts.usecase';
import { CreateCampaignUseCase } from './usecases/create-campaign.usecase';
import { DeleteCampaignUseCase } from './usecases/delete-campaign.usecase';
import { DuplicateCampaignUseCase } from './usecases/duplicate-campaign.usecase';
import { FindOwnedCampaignUseCase } from './usecases/find-owned-campaign.usecase';
import { ReserveCampaignBudgetUseCase } from './usecases/reserve-campaign-budget.usecase';
import { RecordCampaignCountersUseCase } from './usecases/record-campaign-counters.usecase';
import { RecordMemberChannelStatusUseCase } from './usecases/record-member-channel-status.usecase';
import { GetCampaignUseCase } from './usecases/get-campaign.usecase';
import { ListCampaignsUseCase } from './usecases/list-campaigns.usecase';
import { ApproveCampaignUseCase, LaunchCampaignUseCase, PauseCampaignUseCase, TransitionCampaignUseCase } from './usecases/transition-campaign.usecase';
import { UpdateCampaignUseCase } from './usecases/update-campaign.usecase';

const exported = [
  FindOwnedCampaignUseCase,
  TransitionCampaignUseCase,
  RecordCampaignCountersUseCase,
  RecordMemberChannelStatusUseCase,
  ReserveCampaignBudgetUseCase,
  DuplicateCampaignUseCase,
  RecordCampaignActivityUseCase,
  RemoveCampaignContactsUseCase,
  CampaignRepository,
  CampaignMembershipRepository,
  CampaignActivityRepository,
];

/** Campaign persistence and the use cases the strategy module and the send path call, without HTTP. */
@Module({
  imports: [
    ContactDataModule,
    MongooseModule.forFeature([
      { name: Campaign.name, schema: CampaignSchema },
      { name: CampaignActivity.name, schema: CampaignActivitySchema },
      // The contact library's collections; the send progress is written here (see CampaignMembershipRepository).
      { name: CampaignContact.name, schema: CampaignContactSchema },
      { name: Contact.name, schema: ContactSchema },
    ]),
  ],
  providers: exported,
  exports: [...exported, ContactDataModule],
})
export class CampaignDataModule {}

/** Campaigns over HTTP: CRUD, the status machine's actions, and their contacts. */
@Module({
  imports: [CampaignDataModule],
  controllers: [CampaignsController, CampaignContactsController, CampaignActivityController],
  providers: [
    ListCampaignsUseCase,
    CreateCampaignUseCase,
    GetCampaignUseCase,
    UpdateCampaignUseCase,
    DeleteCampaignUseCase,
    ApproveCampaignUseCase,
    LaunchCampaignUseCase,
    PauseCampaignUseCase,
    ListCampaignContactsUseCase,
    AddCampaignContactsUseCase,
    ListCampaignActivityUseCase,
  ],
  exports: [CampaignDataModule],
})
export class CampaignModule {}
