import { getGetContactQueryKey, useCreateContact } from '@cadence/web-api-client';
import { PageHeader } from '@cadence/web-ui';
import { Anchor, Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { contactName } from '../shared/format';
import { invalidateContacts } from '../shared/query-keys';
import { ContactForm } from './contact-form';

/** A contact typed in by hand; the server normalises and validates it, and its problems show on their fields. */
export function NewContactPage() {
  useDocumentTitle('New contact · Cadence');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateContact();
  return (
    <>
      <Anchor component={Link} to="/contacts" size="sm">
        ← All contacts
      </Anchor>
      <PageHeader title="New contact" description="Phones in any format; they are stored in international form with their do-not-call flags." />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={880}>
        <ContactForm
          submitLabel="Create contact"
          saving={create.isPending}
          onCancel={() => navigate('/contacts')}
          onSubmit={async (data) => {
            const created = await create.mutateAsync({ data });
            queryClient.setQueryData(getGetContactQueryKey(created.id), created);
            void invalidateContacts(queryClient);
            notifications.show({ color: 'teal', message: `${contactName(created)} was added.` });
            navigate(`/contacts/${created.id}`);
          }}
        />
      </Paper>
    </>
  );
}
