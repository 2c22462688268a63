import { Contact } from '@cadence/api-contact';
import { MergeData } from '@cadence/api-channel';
import { EmailSender } from '../schemas/strategy.schema';

/**
 * The merge fields of one contact. Agent fields come from the strategy's sender identity: the agent
 * profile (phone, brokerage) is not stored yet, so those render their fallback.
 */
export function mergeDataOf(contact: Contact, sender: EmailSender | null, unsubscribeUrl: string | null): MergeData {
  const address = contact.propertyAddress ?? contact.mailingAddress;
  const agentName = sender?.fromName ?? null;
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    fullName: `${contact.firstName} ${contact.lastName}`.trim(),
    email: contact.emails?.[0] ?? null,
    phone: contact.phones?.[0]?.e164 ?? null,
    propertyAddress: address?.street ?? null,
    city: address?.city ?? null,
    state: address?.state ?? null,
    postalCode: address?.zip ?? null,
    listingStatus: contact.realEstate?.listingStatus ?? null,
    daysOnMarket: contact.realEstate?.daysOnMarket ?? null,
    agentName,
    agentFirstName: agentName ? agentName.split(/\s+/)[0] : null,
    agentEmail: sender?.fromEmail ?? null,
    brokerageAddress: sender?.postalAddress ?? null,
    unsubscribeUrl,
  };
}
