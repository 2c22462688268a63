export { ScriptsTab } from './lib/scripts-tab/scripts-tab';
export type { ScriptsTabProps } from './lib/scripts-tab/scripts-tab';
