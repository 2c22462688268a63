import { useUpdateContact } from '@cadence/web-api-client';
import type { ContactResponseDto } from '@cadence/web-api-client';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ContactForm } from './contact-form';

/** Edits a contact's fields; consent has its own section because each change records its proof. */
export function EditContactModal({ contact, opened, onClose, onSaved }: { contact: ContactResponseDto; opened: boolean; onClose: () => void; onSaved: (updated: ContactResponseDto) => void }) {
  const update = useUpdateContact();
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title="Edit contact" size="xl" fullScreen={narrow}>
      {opened ? (
        <ContactForm
          contact={contact}
          submitLabel="Save changes"
          saving={update.isPending}
          onCancel={onClose}
          onSubmit={async (data) => onSaved(await update.mutateAsync({ id: contact.id, data }))}
        />
      ) : null}
    </Modal>
  );
}
