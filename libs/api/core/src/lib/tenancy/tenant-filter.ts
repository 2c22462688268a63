import { Types } from 'mongoose';
import { Tenant } from './principal';

/** The filter every tenant-owned query starts from. */
export function tenantFilter(tenant: Tenant): { userId: Types.ObjectId } {
  return { userId: new Types.ObjectId(tenant.userId) };
}

/** An id from a URL that is not an ObjectId cannot name any document: treat it as not found. */
export function parseObjectId(id: string): Types.ObjectId | null {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}
