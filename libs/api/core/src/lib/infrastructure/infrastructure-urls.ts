/**
 * Where MongoDB and Redis are, resolved before Nest boots (see resolveMongo/resolveRedis), so that
 * modules receive plain URLs and never decide how local servers are started.
 */
export class InfrastructureUrls {
  constructor(
    readonly mongoUrl: string,
    readonly redisUrl: string,
    readonly queuePrefix = 'cadence',
  ) {}
}
