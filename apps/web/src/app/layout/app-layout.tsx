import { useMe } from '@cadence/web-api-client';
import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useEndSession } from '../auth/session';
import { NAV_ITEMS } from './navigation';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

/** The signed-in frame: header with the account menu, navigation (a drawer behind the burger on phones). */
export function AppLayout() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  // Below the `sm` breakpoint the closed navigation is only moved off-screen; `inert` also takes its
  // links out of the tab order and the accessibility tree.
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const endSession = useEndSession();
  const me = useMe();

  const logOut = () => {
    endSession();
    navigate('/login', { replace: true });
    notifications.show({ id: 'signed-out', message: 'You have been signed out.' });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/dashboard" fw={800} fz={20} c="indigo.7" td="none">
              Cadence
            </Text>
          </Group>
          <Menu position="bottom-end" width={220} withinPortal>
            <Menu.Target>
              <UnstyledButton aria-label="Account menu">
                <Group gap="xs" wrap="nowrap">
                  <Avatar color="indigo" radius="xl" size={32}>
                    {me.data ? initials(me.data.name) : null}
                  </Avatar>
                  {me.data ? (
                    <Text size="sm" fw={500} visibleFrom="xs" maw={160} truncate>
                      {me.data.name}
                    </Text>
                  ) : (
                    <Skeleton h={12} w={80} visibleFrom="xs" />
                  )}
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              {me.data ? <Menu.Label>{me.data.email}</Menu.Label> : null}
              <Menu.Item component={Link} to="/settings/api-keys">
                API keys
              </Menu.Item>
              <Menu.Item component={Link} to="/settings/compliance">
                Compliance
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" onClick={logOut}>
                Log out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label="Main navigation"
        component="nav"
        inert={isPhone && !navOpened}
      >
        <AppShell.Section grow component={ScrollArea}>
          {NAV_ITEMS.map((item) => {
            const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={closeNav}
                variant="light"
                mb={2}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
