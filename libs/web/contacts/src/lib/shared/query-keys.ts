import type { QueryClient } from '@tanstack/react-query';

/** Every cached contacts query (lists, details, campaign histories, timelines) and segment counts. */
export function invalidateContacts(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const [first] = query.queryKey;
      return typeof first === 'string' && (first.startsWith('/api/v1/contacts') || first.startsWith('/api/v1/segments'));
    },
  });
}
