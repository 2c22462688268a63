export { CampaignsPage } from './lib/list/campaigns-page';
export { CampaignWizardPage } from './lib/wizard/campaign-wizard-page';
export { CampaignDetailPage } from './lib/detail/campaign-detail-page';
