import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { isDeepStrictEqual } from 'node:util';
import { contactKeys, emailDedupeKey, nameAddressKeyOf, phoneDedupeKey } from '../normalize/contact-keys';
import { PhoneType } from '../normalize/phone.normalizer';
import { TimeZoneResolver } from '../normalize/time-zone.resolver';
import { ContactEventRepository } from '../repositories/contact-event.repository';
import { ContactRepository, ImportWrite, MergeCandidate } from '../repositories/contact.repository';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { Contact, ContactPhone, ContactSource, PostalAddress, RealEstateDetails } from '../schemas/contact.schema';
import { EMPTY_REAL_ESTATE } from './create-contact.usecase';

export enum ImportDedupePolicy {
  CreateOrUpdate = 'create-or-update',
  CreateOnly = 'create-only',
  UpdateOnly = 'update-only',
}

/** One normalised row of an import, ready to become or merge into a contact. */
export interface ImportedContactDraft {
  rowNumber: number;
  firstName: string;
  lastName: string;
  phones: ContactPhone[];
  emails: string[];
  propertyAddress: PostalAddress | null;
  mailingAddress: PostalAddress | null;
  realEstate: Partial<RealEstateDetails>;
  tags: string[];
  customFields: Record<string, string>;
  doNotContact: boolean;
}

export enum RowOutcomeKind {
  Created = 'created',
  Updated = 'updated',
  /** Merged into a contact an earlier row of the same file created. */
  DuplicateInFile = 'duplicate-in-file',
  /** create-only and the contact exists. */
  SkippedExisting = 'skipped-existing',
  /** update-only and no contact matches. */
  SkippedMissing = 'skipped-missing',
  /** Kept losing unique-key races to another writer; reported as a row error. */
  Conflict = 'conflict',
}

export interface RowOutcome {
  rowNumber: number;
  kind: RowOutcomeKind;
  contactId: Types.ObjectId | null;
}

export interface ImportChunk {
  importBatchId: Types.ObjectId;
  source: ContactSource;
  policy: ImportDedupePolicy;
  drafts: ImportedContactDraft[];
}

type NewImportedContact = Extract<ImportWrite, { insert: unknown }>['insert'];

interface Group {
  rows: number[];
  draft: ImportedContactDraft;
}

/**
 * Writes one chunk of an import: rows sharing a phone, an email, or a name at an address are merged
 * (within the chunk, with contacts earlier chunks created, and with existing contacts), then all
 * inserts and merges go to MongoDB in one unordered bulk write.
 *
 * Running the same chunk twice (a worker killed before its checkpoint) creates nothing new: the second
 * run finds the contacts the first one created through the same dedupe keys, which unique indexes
 * guard, and recognises them by their import origin so they are still counted as created.
 */
@Injectable()
export class MergeImportedContactsUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
    private readonly timeZones: TimeZoneResolver,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, chunk: ImportChunk): Promise<RowOutcome[]> {
    const groups = groupDuplicates(chunk.drafts);
    const outcomes = new Map<number, RowOutcome>();
    let pending = groups;
    for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
      pending = await this.writeGroups(tenant, chunk, pending, outcomes);
    }
    for (const group of pending) for (const row of group.rows) outcomes.set(row, { rowNumber: row, kind: RowOutcomeKind.Conflict, contactId: null });
    await this.recordEvents(tenant, chunk, [...outcomes.values()]);
    return chunk.drafts.map((d) => outcomes.get(d.rowNumber) ?? { rowNumber: d.rowNumber, kind: RowOutcomeKind.Conflict, contactId: null });
  }

  /** Returns the groups whose write lost a unique-key race, to be retried against fresh candidates. */
  private async writeGroups(tenant: Tenant, chunk: ImportChunk, groups: Group[], outcomes: Map<number, RowOutcome>): Promise<Group[]> {
    const candidates = await this.contacts.findMergeCandidates(tenant, keysOf(groups));
    const index = indexCandidates(candidates);
    const merged = new Map<string, { candidate: MergeCandidate; next: MergeCandidate; groups: Group[] }>();
    const writes: Array<{ write: ImportWrite; groups: Group[] }> = [];

    for (const group of groups) {
      const match = findMatch(group.draft, index);
      const [first, ...rest] = group.rows;
      const record = (kind: RowOutcomeKind, contactId: Types.ObjectId | null) => {
        outcomes.set(first, { rowNumber: first, kind, contactId });
        for (const row of rest) outcomes.set(row, { rowNumber: row, kind: contactId ? RowOutcomeKind.DuplicateInFile : kind, contactId });
      };
      if (!match) {
        if (chunk.policy === ImportDedupePolicy.UpdateOnly) {
          record(RowOutcomeKind.SkippedMissing, null);
          continue;
        }
        const id = new Types.ObjectId();
        writes.push({ write: { insert: await this.newContact(id, group, chunk) }, groups: [group] });
        record(RowOutcomeKind.Created, id);
        continue;
      }
      const fromThisImport = match.importOrigin?.importBatchId?.equals(chunk.importBatchId) ?? false;
      if (!fromThisImport && chunk.policy === ImportDedupePolicy.CreateOnly) {
        record(RowOutcomeKind.SkippedExisting, match._id);
        continue;
      }
      const key = match._id.toHexString();
      const entry = merged.get(key) ?? { candidate: match, next: match, groups: [] };
      entry.next = mergeDraftInto(entry.next, withoutForeignKeys(group.draft, match._id, index));
      entry.groups.push(group);
      merged.set(key, entry);
      const createdByThisRow = fromThisImport && group.rows.includes(match.importOrigin?.rowNumber ?? -1);
      record(createdByThisRow ? RowOutcomeKind.Created : fromThisImport ? RowOutcomeKind.DuplicateInFile : RowOutcomeKind.Updated, match._id);
    }
    for (const { candidate, next, groups: mergedGroups } of merged.values()) {
      const set = await this.changesOf(candidate, next);
      if (set) writes.push({ write: { id: candidate._id, set }, groups: mergedGroups });
    }
    const refused = await this.contacts.applyImportWrites(tenant, writes.map((w) => w.write), this.clock.now());
    return refused.flatMap((i) => writes[i]?.groups ?? []);
  }

  private async newContact(id: Types.ObjectId, group: Group, chunk: ImportChunk): Promise<NewImportedContact> {
    const { draft } = group;
    const zone = await this.timeZones.resolve([draft.propertyAddress?.zip ?? '', draft.mailingAddress?.zip ?? ''], draft.phones.map((p) => p.e164));
    return {
      _id: id,
      firstName: draft.firstName,
      lastName: draft.lastName,
      phones: draft.phones,
      emails: draft.emails,
      propertyAddress: draft.propertyAddress,
      mailingAddress: draft.mailingAddress,
      realEstate: { ...EMPTY_REAL_ESTATE, ...draft.realEstate },
      tags: draft.tags,
      customFields: draft.customFields,
      source: chunk.source,
      importBatchId: chunk.importBatchId,
      importOrigin: { importBatchId: chunk.importBatchId, rowNumber: group.rows[0] },
      doNotContact: draft.doNotContact,
      doNotContactReason: draft.doNotContact ? 'Marked do not contact in the imported file' : null,
      doNotContactAt: draft.doNotContact ? this.clock.now() : null,
      timeZone: zone.timeZone,
      timeZoneSource: zone.source,
      ...contactKeys(draft, id),
    };
  }

  /** The $set of a merge, or null when the file brought nothing new. */
  private async changesOf(before: MergeCandidate, after: MergeCandidate): Promise<Partial<Contact> | null> {
    const fields = ['firstName', 'lastName', 'phones', 'emails', 'propertyAddress', 'mailingAddress', 'realEstate', 'tags', 'customFields', 'doNotContact'] as const;
    const changed = fields.filter((f) => !isDeepStrictEqual(before[f], after[f]));
    if (changed.length === 0) return null;
    const set: Partial<Contact> = {};
    for (const field of changed) Object.assign(set, { [field]: after[field] });
    if (changed.includes('doNotContact')) Object.assign(set, { doNotContactReason: 'Marked do not contact in an imported file', doNotContactAt: this.clock.now() });
    Object.assign(set, contactKeys(after, before._id));
    if (changed.some((f) => f === 'phones' || f === 'propertyAddress' || f === 'mailingAddress') || before.timeZone === null) {
      const zone = await this.timeZones.resolve([after.propertyAddress?.zip ?? '', after.mailingAddress?.zip ?? ''], after.phones.map((p) => p.e164));
      Object.assign(set, { timeZone: zone.timeZone, timeZoneSource: zone.source });
    }
    return set;
  }

  private async recordEvents(tenant: Tenant, chunk: ImportChunk, outcomes: RowOutcome[]): Promise<void> {
    const now = this.clock.now();
    const batch = chunk.importBatchId.toHexString();
    const seen = new Set<string>();
    const events = outcomes.flatMap((o) => {
      if (!o.contactId || (o.kind !== RowOutcomeKind.Created && o.kind !== RowOutcomeKind.Updated)) return [];
      const id = o.contactId.toHexString();
      if (seen.has(id)) return [];
      seen.add(id);
      const created = o.kind === RowOutcomeKind.Created;
      return [
        {
          contactId: o.contactId,
          type: ContactEventType.Imported,
          occurredAt: now,
          actor: EventActorKind.Import,
          summary: created ? `Created by an import (row ${o.rowNumber})` : `Updated by an import (row ${o.rowNumber})`,
          data: { importBatchId: batch, rowNumber: o.rowNumber, created },
          idempotencyKey: `import:${batch}:${id}`,
        },
      ];
    });
    await this.events.append(tenant, events);
  }
}

function draftKeys(draft: ImportedContactDraft): string[] {
  const nameAddress = nameAddressKeyOf(draft.firstName, draft.lastName, draft.propertyAddress ?? draft.mailingAddress);
  return [...draft.phones.map((p) => `p:${p.e164}`), ...draft.emails.map((e) => `e:${e}`), ...(nameAddress ? [`a:${nameAddress}`] : [])];
}

/** Union-find over rows sharing any dedupe key; each group keeps its rows in file order. */
function groupDuplicates(drafts: ImportedContactDraft[]): Group[] {
  const parent = drafts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  drafts.forEach((draft, i) => {
    for (const key of draftKeys(draft)) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Group>();
  drafts.forEach((draft, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) {
      group.rows.push(draft.rowNumber);
      group.draft = mergeDrafts(group.draft, draft);
    } else {
      groups.set(root, { rows: [draft.rowNumber], draft });
    }
  });
  return [...groups.values()];
}

function keysOf(groups: Group[]): { dedupeKeys: string[]; nameAddressKeys: string[] } {
  const dedupeKeys = new Set<string>();
  const nameAddressKeys = new Set<string>();
  for (const { draft } of groups) {
    draft.phones.forEach((p) => dedupeKeys.add(phoneDedupeKey(p.e164)));
    draft.emails.forEach((e) => dedupeKeys.add(emailDedupeKey(e)));
    const key = nameAddressKeyOf(draft.firstName, draft.lastName, draft.propertyAddress ?? draft.mailingAddress);
    if (key) nameAddressKeys.add(key);
  }
  return { dedupeKeys: [...dedupeKeys], nameAddressKeys: [...nameAddressKeys] };
}

interface CandidateIndex {
  byPhone: Map<string, MergeCandidate>;
  byEmail: Map<string, MergeCandidate>;
  byNameAddress: Map<string, MergeCandidate>;
}

function indexCandidates(candidates: MergeCandidate[]): CandidateIndex {
  const index: CandidateIndex = { byPhone: new Map(), byEmail: new Map(), byNameAddress: new Map() };
  for (const c of candidates) {
    (c.phoneKeys ?? []).forEach((k) => index.byPhone.set(k, c));
    (c.emailKeys ?? []).forEach((k) => index.byEmail.set(k, c));
    if (c.nameAddressKey) index.byNameAddress.set(c.nameAddressKey, c);
  }
  return index;
}

/** Phone first, then email, then name at address: the strongest evidence of the same person wins. */
function findMatch(draft: ImportedContactDraft, index: CandidateIndex): MergeCandidate | null {
  for (const phone of draft.phones) {
    const match = index.byPhone.get(phone.e164);
    if (match) return match;
  }
  for (const email of draft.emails) {
    const match = index.byEmail.get(email);
    if (match) return match;
  }
  const key = nameAddressKeyOf(draft.firstName, draft.lastName, draft.propertyAddress ?? draft.mailingAddress);
  return (key && index.byNameAddress.get(key)) || null;
}

/** A number or address that belongs to a different existing contact stays with that contact. */
function withoutForeignKeys(draft: ImportedContactDraft, target: Types.ObjectId, index: CandidateIndex): ImportedContactDraft {
  const foreign = (holder: MergeCandidate | undefined) => holder !== undefined && !holder._id.equals(target);
  return { ...draft, phones: draft.phones.filter((p) => !foreign(index.byPhone.get(p.e164))), emails: draft.emails.filter((e) => !foreign(index.byEmail.get(e))) };
}

/**
 * How a row merges into a contact: names and addresses only fill blanks (the agent may have corrected
 * them), real-estate facts take the file's newer non-empty values, phones, emails and tags are
 * united, and do-not-call flags are never cleared by an import.
 */
function mergeDraftInto(contact: MergeCandidate, draft: ImportedContactDraft): MergeCandidate {
  return {
    ...contact,
    firstName: contact.firstName || draft.firstName,
    lastName: contact.lastName || draft.lastName,
    phones: mergePhones(contact.phones, draft.phones),
    emails: [...new Set([...contact.emails, ...draft.emails])],
    propertyAddress: contact.propertyAddress ?? draft.propertyAddress,
    mailingAddress: contact.mailingAddress ?? draft.mailingAddress,
    realEstate: { ...contact.realEstate, ...nonNull(draft.realEstate) },
    tags: [...new Set([...contact.tags, ...draft.tags])],
    customFields: { ...contact.customFields, ...draft.customFields },
    doNotContact: contact.doNotContact || draft.doNotContact,
  };
}

function mergeDrafts(first: ImportedContactDraft, next: ImportedContactDraft): ImportedContactDraft {
  return {
    rowNumber: first.rowNumber,
    firstName: first.firstName || next.firstName,
    lastName: first.lastName || next.lastName,
    phones: mergePhones(first.phones, next.phones),
    emails: [...new Set([...first.emails, ...next.emails])],
    propertyAddress: first.propertyAddress ?? next.propertyAddress,
    mailingAddress: first.mailingAddress ?? next.mailingAddress,
    realEstate: { ...first.realEstate, ...nonNull(next.realEstate) },
    tags: [...new Set([...first.tags, ...next.tags])],
    customFields: { ...first.customFields, ...next.customFields },
    doNotContact: first.doNotContact || next.doNotContact,
  };
}

function mergePhones(existing: ContactPhone[], incoming: ContactPhone[]): ContactPhone[] {
  const byNumber = new Map(existing.map((p) => [p.e164, { ...p }]));
  for (const phone of incoming) {
    const known = byNumber.get(phone.e164);
    if (!known) byNumber.set(phone.e164, phone);
    else byNumber.set(phone.e164, { ...known, dnc: known.dnc || phone.dnc, extension: known.extension ?? phone.extension, type: known.type === PhoneType.Unknown ? phone.type : known.type });
  }
  return [...byNumber.values()];
}

function nonNull<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>;
}
