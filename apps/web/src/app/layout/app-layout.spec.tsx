import { REFRESH_TOKEN_STORAGE_KEY } from '@cadence/web-api-client';
import { act, fireEvent, screen } from '@testing-library/react';
import { installFakeApi, json, user } from '../../testing/fake-api';
import { renderApp, signIn } from '../../testing/render-app';

describe('signed-in layout', () => {
  beforeEach(() => {
    signIn();
    installFakeApi({ 'GET /api/v1/auth/me': () => json(200, user) });
  });

  it('greets the user and offers every section in the navigation', async () => {
    renderApp('/dashboard');

    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    const links = Array.from(nav.querySelectorAll('a')).map((a) => a.textContent);
    expect(links).toEqual(['Dashboard', 'Campaigns', 'Contacts', 'Segments', 'Imports', 'Replies', 'Templates', 'Analytics', 'Settings']);
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Dashboard');
  });

  it('labels sections that are not built yet instead of showing made-up data', async () => {
    const { router } = renderApp('/dashboard');

    const templates = await screen.findByRole('link', { name: 'Templates' });
    await act(async () => {
      fireEvent.click(templates);
    });

    expect(router.state.location.pathname).toBe('/templates');
    expect(screen.getByText('Templates — coming with the templates module')).toBeTruthy();
  });

  it('logs out from the account menu and then keeps protected pages closed', async () => {
    const { router } = renderApp('/dashboard');

    fireEvent.click(await screen.findByRole('button', { name: 'Account menu' }));
    const logOut = await screen.findByRole('menuitem', { name: 'Log out' });
    await act(async () => {
      fireEvent.click(logOut);
    });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();

    await act(async () => {
      await router.navigate('/settings/api-keys');
    });
    expect(router.state.location.pathname).toBe('/login');
  });
});

describe('unknown addresses', () => {
  it('shows a 404 page that leads back to sign-in', async () => {
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/no/such/page')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to sign in' }).getAttribute('href')).toBe('/login');
  });
});
