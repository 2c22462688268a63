const DAY_MS = 24 * 3600 * 1000;

/** The National DNC safe harbour: a number scrubbed more than 31 days ago must be scrubbed again. */
export const DNC_SCRUB_MAX_AGE_DAYS = 31;

export interface DncScrub {
  /** Listed on the National DNC Registry at the scrub. */
  listed: boolean;
  scrubbedAt: Date;
}

export type DncVerdict = { allowed: true } | { allowed: false; reason: 'registry_listed' | 'not_scrubbed' | 'scrub_expired'; message: string };

/** Calls and voicemails only (texts and email are not telephone calls for the registry check here). */
export function evaluateDncScrub(scrub: DncScrub | null, complianceOn: boolean, now: Date): DncVerdict {
  if (!complianceOn) return { allowed: true };
  if (!scrub) return { allowed: false, reason: 'not_scrubbed', message: 'The number was never scrubbed against the National DNC Registry' };
  if (scrub.listed) return { allowed: false, reason: 'registry_listed', message: 'The number is on the National DNC Registry' };
  if (now.getTime() - scrub.scrubbedAt.getTime() > DNC_SCRUB_MAX_AGE_DAYS * DAY_MS) {
    return { allowed: false, reason: 'scrub_expired', message: `The last National DNC scrub is older than ${DNC_SCRUB_MAX_AGE_DAYS} days` };
  }
  return { allowed: true };
}
