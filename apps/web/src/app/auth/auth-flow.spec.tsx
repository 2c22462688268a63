import { REFRESH_TOKEN_STORAGE_KEY } from '@cadence/web-api-client';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { apiError, installFakeApi, json, tokens, user } from '../../testing/fake-api';
import { renderApp, signIn } from '../../testing/render-app';

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('signing in and protected pages', () => {
  it('sends a signed-out visitor to the login page and back to the page they wanted', async () => {
    const api = installFakeApi({
      'POST /api/v1/auth/login': () => json(200, tokens(1)),
      'GET /api/v1/api-keys': () => json(200, { items: [], total: 0, page: 1, limit: 20 }),
    });
    const { router } = renderApp('/settings/api-keys');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');

    fill(/^email/i, 'ada@brokerage.com');
    fill(/^password/i, 'correct horse battery');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }));
    });

    expect(await screen.findByRole('heading', { name: 'API keys' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings/api-keys');
    expect(api.to('POST /api/v1/auth/login')[0].body).toEqual({ email: 'ada@brokerage.com', password: 'correct horse battery' });
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-1');
  });

  it("shows the API's message and code when the credentials are wrong", async () => {
    installFakeApi({
      'POST /api/v1/auth/login': () => apiError(401, 'INVALID_CREDENTIALS', 'Wrong email or password'),
    });
    renderApp('/login');

    fill(/^email/i, 'ada@brokerage.com');
    fill(/^password/i, 'not my password');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }));
    });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wrong email or password');
    expect(alert.textContent).toContain('INVALID_CREDENTIALS');
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('restores the session after a reload from the stored refresh token', async () => {
    localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, 'refresh-1');
    const api = installFakeApi({
      'POST /api/v1/auth/refresh': () => json(200, tokens(2)),
      'GET /api/v1/auth/me': (request) =>
        request.authorization === 'Bearer access-2' ? json(200, user) : apiError(401, 'UNAUTHENTICATED', 'No token'),
    });
    renderApp('/dashboard');

    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeTruthy();
    expect(api.to('POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  it('returns to the login page with a notice when the session cannot be refreshed', async () => {
    signIn('expired', 'spent');
    installFakeApi({
      'GET /api/v1/auth/me': () => apiError(401, 'UNAUTHENTICATED', 'Token expired'),
      'POST /api/v1/auth/refresh': () => apiError(401, 'REFRESH_TOKEN_REUSED', 'Refresh token was already used'),
    });
    const { router } = renderApp('/dashboard');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(await screen.findByText('Session expired')).toBeTruthy();
    expect(router.state.location.state).toEqual({ from: { pathname: '/dashboard', search: '', hash: '' } });
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
  });
});

describe('registration form', () => {
  it('marks missing fields, links each error to its field and focuses the first one', async () => {
    const api = installFakeApi({});
    renderApp('/register');

    const form = await screen.findByRole('form', { name: 'Create your account' });
    await act(async () => {
      fireEvent.submit(form);
    });

    const name = screen.getByLabelText(/^name/i);
    const password = screen.getByLabelText(/^password/i);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')?.split(' ').find((id) => id.includes('error')) ?? '')?.textContent).toBe(
      'Enter your name.',
    );
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    expect(api.requests).toHaveLength(0);
  });

  it("shows the API's validation details under the fields they concern", async () => {
    installFakeApi({
      'POST /api/v1/auth/register': () =>
        apiError(400, 'VALIDATION_FAILED', 'email: email must be an email', [
          { field: 'email', messages: ['email must be an email'] },
        ]),
    });
    renderApp('/register');

    fill(/^name/i, 'Ada Lovelace');
    fill(/^email/i, 'ada@brokerage.c');
    fill(/^password/i, 'long enough password');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Create your account' }));
    });

    const email = screen.getByLabelText(/^email/i);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Email must be an email.')).toBeTruthy();
    expect(document.activeElement).toBe(email);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the email is already registered and offers to sign in', async () => {
    installFakeApi({
      'POST /api/v1/auth/register': () => apiError(409, 'EMAIL_TAKEN', 'An account with this email already exists'),
    });
    renderApp('/register');

    fill(/^name/i, 'Ada Lovelace');
    fill(/^email/i, 'ada@brokerage.com');
    fill(/^password/i, 'long enough password');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Create your account' }));
    });

    expect(await screen.findByText('An account with this email already exists')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in instead' })).toBeTruthy();
  });

  it('signs the new user in and lands on the dashboard', async () => {
    installFakeApi({
      'POST /api/v1/auth/register': () => json(201, tokens(1)),
    });
    const { router } = renderApp('/register');

    fill(/^name/i, 'Ada Lovelace');
    fill(/^email/i, 'ada@brokerage.com');
    fill(/^password/i, 'long enough password');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Create your account' }));
    });

    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/dashboard');
  });
});
