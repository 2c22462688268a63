import { FieldError, Tenant, ValidationException, CoreErrorCode } from '@cadence/api-core';
import { MongoServerError } from 'mongodb';
import { Types } from 'mongoose';
import { ContactErrorCode, ContactException } from '../contact.exception';
import { ContactRepository } from '../repositories/contact.repository';

export function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length === 0) return;
  throw new ValidationException(CoreErrorCode.ValidationFailed, errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; '), errors);
}

/**
 * Runs a contact write and turns a unique-key refusal into 409 CONTACT_DUPLICATE naming the
 * contacts that already hold the number or address, so the caller can open or merge them.
 */
export async function writeUnlessDuplicate<T>(
  contacts: ContactRepository,
  tenant: Tenant,
  keys: { dedupeKeys?: string[]; phoneKeys?: string[]; emailKeys?: string[] },
  write: () => Promise<T>,
  exceptId?: Types.ObjectId,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
    const holders = await contacts.findHoldersOfKeys(tenant, keys.dedupeKeys ?? [], exceptId);
    const details = holders.map((holder) => ({
      contactId: holder._id.toHexString(),
      phones: (holder.phoneKeys ?? []).filter((k) => keys.phoneKeys?.includes(k)),
      emails: (holder.emailKeys ?? []).filter((k) => keys.emailKeys?.includes(k)),
    }));
    throw new ContactException(ContactErrorCode.ContactDuplicate, 'Another contact already has this phone number or email', details);
  }
}
