import { useEffect, useState } from 'react';
import { AppShell, Badge, Box, Burger, Button, Divider, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch, useNavigation } from 'react-router';
import { displayNameOf, useAuth } from '../auth/auth-context';
import { useAttention } from '../attention';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { LanguageSwitcher } from './LanguageSwitcher';
import { navItemsFor, type NavItem } from './nav-items';
import classes from './AppLayout.module.css';

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation('layout');
  const { me } = useAuth();
  const match = useMatch({ path: item.to, end: item.end ?? false });
  const attention = useAttention(item.key === 'reviews' ? me : null);
  const waiting = item.key === 'reviews' ? (attention.data?.reviews.total ?? 0) : 0;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(`nav.${item.key}`)}
      rightSection={
        waiting > 0 ? (
          <Badge size="sm" color="red" circle aria-label={t('reviewsWaiting', { count: waiting })}>
            {waiting}
          </Badge>
        ) : undefined
      }
      active={!!match}
      aria-current={match ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
    />
  );
}

/** Header + role-aware navbar (burger on phones) + main. */
export function AppLayout() {
  const { t } = useTranslation('layout');
  const { t: tc } = useTranslation();
  const { me, logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [loggingOut, setLoggingOut] = useState(false);
  const navigation = useNavigation();
  const location = useLocation();
  const name = displayNameOf(me);
  const items = navItemsFor(me);
  const learnerItems = items.filter((item) => !item.admin);
  const adminItems = items.filter((item) => item.admin);

  // Close the phone menu after navigating.
  useEffect(() => {
    close();
  }, [location.pathname, close]);

  const onLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } finally {
      setLoggingOut(false);
    }
  };

  const roles = [...new Set(me?.roles.map((r) => r.role) ?? [])];

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className={classes.skipLink}>
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('closeNav') : t('openNav')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Link to="/" className={classes.brand} aria-label={t('home')}>
              Kompeten
            </Link>
            {navigation.state === 'loading' && <Loader size="xs" aria-label={tc('loading')} />}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} visibleFrom="sm" className={classes.userName} title={name}>
              {name}
            </Text>
            <NotificationBell />
            <LanguageSwitcher />
            <Button variant="default" size="xs" onClick={() => void onLogout()} loading={loggingOut}>
              {t('logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="app-navbar"
        p="sm"
        aria-label={t('mainNav')}
        className={classes.navbar}
        data-closed={!opened || undefined}
      >
        <Box hiddenFrom="sm" mb="sm">
          <Text fw={600} size="sm">
            {name}
          </Text>
          <Divider mt="sm" />
        </Box>
        <AppShell.Section grow className={classes.navItems}>
          <Stack gap={2}>
            {learnerItems.map((item) => (
              <NavEntry key={item.key} item={item} onNavigate={close} />
            ))}
          </Stack>
          {adminItems.length > 0 && (
            <>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="lg" mb={4} px="sm" id="nav-admin-heading">
                {t('administration')}
              </Text>
              <Stack gap={2} role="group" aria-labelledby="nav-admin-heading">
                {adminItems.map((item) => (
                  <NavEntry key={item.key} item={item} onNavigate={close} />
                ))}
              </Stack>
            </>
          )}
        </AppShell.Section>
        {roles.length > 0 && (
          <AppShell.Section mt="sm">
            <Group gap={4}>
              {roles.map((role) => (
                <Badge key={role} variant="outline" size="sm">
                  {tc(`role.${role}`)}
                </Badge>
              ))}
            </Group>
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Box maw={1200} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
