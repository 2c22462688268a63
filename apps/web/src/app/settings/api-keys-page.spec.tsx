import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RecordedRequest } from '../../testing/fake-api';
import { apiError, installFakeApi, json, user } from '../../testing/fake-api';
import { renderApp, signIn } from '../../testing/render-app';

interface StoredKey {
  id: string;
  name: string;
  prefix: string;
  scope: 'read' | 'read-write';
  createdAt: string;
  lastUsedAt: string | null;
}

/** Keeps keys the way the API would, so list, create and revoke stay consistent. */
function fakeKeyStore(initial: StoredKey[] = []) {
  const keys = [...initial];
  return {
    keys,
    routes: {
      'GET /api/v1/auth/me': () => json(200, user),
      'GET /api/v1/api-keys': () => json(200, { items: keys, total: keys.length, page: 1, limit: 20 }),
      'POST /api/v1/api-keys': (request: RecordedRequest) => {
        const body = request.body as { name: string; scope: StoredKey['scope'] };
        const key: StoredKey = {
          id: `k${keys.length + 1}`,
          name: body.name,
          prefix: 'cdk_4f9a',
          scope: body.scope,
          createdAt: '2026-11-21T10:00:00.000Z',
          lastUsedAt: null,
        };
        keys.push(key);
        return json(201, { ...key, secret: 'cdk_4f9a_s3cr3t-value-shown-once' });
      },
    },
  };
}

describe('API keys page', () => {
  beforeEach(() => signIn());

  it('says so when there are no keys yet', async () => {
    const store = fakeKeyStore();
    installFakeApi(store.routes);
    renderApp('/settings/api-keys');

    expect(await screen.findByText('No API keys yet')).toBeTruthy();
  });

  it("shows the API's message and code when the list cannot be loaded, and can retry", async () => {
    let failing = true;
    installFakeApi({
      'GET /api/v1/auth/me': () => json(200, user),
      'GET /api/v1/api-keys': () =>
        failing
          ? apiError(503, 'SERVICE_UNAVAILABLE', 'The database is not reachable')
          : json(200, { items: [], total: 0, page: 1, limit: 20 }),
    });
    renderApp('/settings/api-keys');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not reachable');
    expect(alert.textContent).toContain('SERVICE_UNAVAILABLE');

    failing = false;
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    });
    expect(await screen.findByText('No API keys yet')).toBeTruthy();
  });

  it('shows the secret of a new key once, then only its prefix in the list', async () => {
    const store = fakeKeyStore();
    const api = installFakeApi(store.routes);
    renderApp('/settings/api-keys');
    await screen.findByText('No API keys yet');

    fireEvent.change(screen.getByLabelText(/^name/i), { target: { value: 'Zapier integration' } });
    fireEvent.click(screen.getByLabelText('Read and write'));
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Create an API key' }));
    });

    const dialog = await screen.findByRole('dialog', { name: 'Your new API key' });
    expect(within(dialog).getByText('cdk_4f9a_s3cr3t-value-shown-once')).toBeTruthy();
    expect(within(dialog).getByText(/only time the api key secret is shown/i)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy to clipboard' })).toBeTruthy();
    expect(api.to('POST /api/v1/api-keys')[0].body).toEqual({ name: 'Zapier integration', scope: 'read-write' });

    fireEvent.click(within(dialog).getByRole('button', { name: /I have stored it/ }));

    const table = await screen.findByRole('table', { name: 'API keys' });
    await waitFor(() => expect(within(table).getByText('Zapier integration')).toBeTruthy());
    expect(within(table).getByText('cdk_4f9a…')).toBeTruthy();
    expect(within(table).getByText('Never')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.textContent).not.toContain('s3cr3t');
  });

  it('asks for a name before creating a key, and focuses the field', async () => {
    const api = installFakeApi(fakeKeyStore().routes);
    renderApp('/settings/api-keys');
    await screen.findByText('No API keys yet');

    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Create an API key' }));
    });

    const name = screen.getByLabelText(/^name/i);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give the key a name, so you know later what uses it.')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    expect(api.to('POST /api/v1/api-keys')).toHaveLength(0);
  });

  it('revokes a key only after confirmation', async () => {
    const store = fakeKeyStore([
      { id: 'k1', name: 'Old dialer', prefix: 'cdk_aaaa', scope: 'read', createdAt: '2026-10-01T10:00:00.000Z', lastUsedAt: '2026-11-20T08:30:00.000Z' },
    ]);
    const api = installFakeApi({
      ...store.routes,
      'DELETE /api/v1/api-keys/k1': () => {
        store.keys.splice(0, 1);
        return json(204);
      },
    });
    renderApp('/settings/api-keys');

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Old dialer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke API key?' });
    expect(within(dialog).getByText(/stops working at once/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.to('DELETE /api/v1/api-keys/k1')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Old dialer' }));
    const confirm = within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke key' });
    await act(async () => {
      fireEvent.click(confirm);
    });

    expect(await screen.findByText('No API keys yet')).toBeTruthy();
    expect(api.to('DELETE /api/v1/api-keys/k1')).toHaveLength(1);
    expect(screen.getByText('API key “Old dialer” was revoked.')).toBeTruthy();
  });
});
