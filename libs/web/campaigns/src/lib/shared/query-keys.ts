import type { QueryClient } from '@tanstack/react-query';

/** Every cached campaign query: lists, details, members, strategies, plans, statuses and executions. */
export function invalidateCampaigns(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const [first] = query.queryKey;
      return typeof first === 'string' && first.startsWith('/api/v1/campaigns');
    },
  });
}
