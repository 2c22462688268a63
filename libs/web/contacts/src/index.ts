export { ContactsPage } from './lib/contacts/contacts-page';
export { ContactDetailPage } from './lib/contact-detail/contact-detail-page';
export { NewContactPage } from './lib/contact-form/new-contact-page';
export { ImportsPage } from './lib/imports/imports-page';
export { NewImportPage } from './lib/imports/new-import-page';
export { ImportPage } from './lib/imports/import-page';
export { SegmentsPage } from './lib/segments/segments-page';
export { SegmentEditorPage } from './lib/segments/segment-editor-page';
