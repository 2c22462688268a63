import { json } from './fake-api';

/** GET /v1/campaigns and GET /v1/campaigns/:id over a fixed set of campaigns (only what the pages read). */
export function campaignRoutes(campaigns: Array<{ id: string; name: string; status?: string }>) {
  const full = campaigns.map((c) => ({ status: 'draft', ...c }));
  return {
    'GET /api/v1/campaigns': () => json(200, { items: full, total: full.length, page: 1, limit: 50 }),
    ...Object.fromEntries(full.map((c) => [`GET /api/v1/campaigns/${c.id}`, () => json(200, c)])),
  };
}
