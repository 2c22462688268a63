/**
 * The IANA zones each state's residents can be in (one representative per distinct rule set: Detroit and
 * Indianapolis behave like New_York, Boise like Denver). Used when a contact's own zone is unknown but
 * its state is: the quiet hours must then hold in every zone of the state.
 */
const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const AZ = 'America/Phoenix';
const PT = 'America/Los_Angeles';
const AK = 'America/Anchorage';
const ALEUTIAN = 'America/Adak';
const HI = 'Pacific/Honolulu';
const AST = 'America/Puerto_Rico';

export const US_STATE_TIME_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: [CT], AK: [AK, ALEUTIAN], AZ: [AZ, MT], AR: [CT], CA: [PT], CO: [MT], CT: [ET], DE: [ET], DC: [ET],
  FL: [ET, CT], GA: [ET], HI: [HI], ID: [MT, PT], IL: [CT], IN: [ET, CT], IA: [CT], KS: [CT, MT], KY: [ET, CT],
  LA: [CT], ME: [ET], MD: [ET], MA: [ET], MI: [ET, CT], MN: [CT], MS: [CT], MO: [CT], MT: [MT], NE: [CT, MT],
  NV: [PT, MT], NH: [ET], NJ: [ET], NM: [MT], NY: [ET], NC: [ET], ND: [CT, MT], OH: [ET], OK: [CT], OR: [PT, MT],
  PA: [ET], RI: [ET], SC: [ET], SD: [CT, MT], TN: [ET, CT], TX: [CT, MT], UT: [MT], VT: [ET], VA: [ET], WA: [PT],
  WV: [ET], WI: [CT], WY: [MT], PR: [AST], VI: [AST],
  GU: ['Pacific/Guam'], MP: ['Pacific/Saipan'], AS: ['Pacific/Pago_Pago'],
};

/**
 * Zones assumed when nothing is known about a contact: the 50 states, DC, Puerto Rico and the Virgin
 * Islands. Guam, the Northern Marianas and American Samoa are left out on purpose: with them the common
 * 08:00–20:00 window shrinks to two hours a day; a contact there has a known zone or state anyway.
 */
export const US_TIME_ZONES: readonly string[] = [ET, CT, MT, AZ, PT, AK, ALEUTIAN, HI, AST];

export function normalizeState(state: string | null | undefined): string | null {
  const code = state?.trim().toUpperCase();
  return code && Object.prototype.hasOwnProperty.call(US_STATE_TIME_ZONES, code) ? code : null;
}
