import { Contact } from '@cadence/api-contact';
import { Types } from 'mongoose';

/** Who a test message is rendered for when the campaign has no contacts yet. */
export function sampleContact(): Contact {
  return {
    _id: new Types.ObjectId('000000000000000000000000'),
    firstName: 'Alex',
    lastName: 'Sample',
    phones: [],
    emails: [],
    propertyAddress: { street: '123 Sample St', city: 'Palm Desert', state: 'CA', zip: '92260' },
  } as unknown as Contact;
}
