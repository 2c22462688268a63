export interface NavItem {
  label: string;
  to: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Dashboard', to: '/dashboard' },
  { label: 'Campaigns', to: '/campaigns' },
  { label: 'Contacts', to: '/contacts' },
  { label: 'Segments', to: '/segments' },
  { label: 'Imports', to: '/imports' },
  { label: 'Replies', to: '/replies' },
  { label: 'Templates', to: '/templates' },
  { label: 'Analytics', to: '/analytics' },
  { label: 'Settings', to: '/settings' },
];
