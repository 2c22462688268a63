export { RepliesPage } from './lib/replies-page';
export { ComplianceSettingsPage } from './lib/compliance-settings-page';
export { ConsentBadges } from './lib/consent-badges';
export { ComplianceExportButton } from './lib/compliance-export-button';
