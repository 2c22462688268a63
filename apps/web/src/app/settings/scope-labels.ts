import { ApiKeyScope } from '@cadence/web-api-client';

export const SCOPE_LABELS: Record<ApiKeyScope, { label: string; description: string }> = {
  [ApiKeyScope.read]: { label: 'Read only', description: 'Can read data (GET requests) but change nothing.' },
  [ApiKeyScope['read-write']]: {
    label: 'Read and write',
    description: 'Can make every call you can make, including sending campaigns.',
  },
};
