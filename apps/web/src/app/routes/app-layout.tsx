import type { MeResponse } from '@itb/contracts';
import { AppShell, Badge, Burger, Button, Center, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBatteryOff,
  IconCalendarWeek,
  IconChartBar,
  IconClipboardList,
  IconFileSearch,
  IconMail,
  IconSettings,
  IconFlag,
  IconHeartbeat,
  IconListCheck,
  IconLogout,
  IconUserCircle,
  IconKey,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Navigate, Outlet, NavLink as RouterNavLink, ScrollRestoration, useLocation } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader';
import { QueryError } from '../../components/ui/query-error';
import { ServiceStatusBanner } from '../../components/ui/service-status-banner';
import { useLogout } from '../../features/auth/api/logout';
import { CriticalFlagsEscalation } from '../../features/flags/components/critical-flags-escalation';
import { isApiError } from '../../lib/api-client';
import { can, ROLE_LABELS, useMe } from '../../lib/auth';
import { paths } from '../paths';

function Brand({ clinicName }: { clinicName: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon size={34} radius="md" aria-hidden>
        <IconHeartbeat size={20} />
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={700} lh={1.2}>
          ITB Clinic
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} data-testid="clinic-name">
          {clinicName}
        </Text>
      </Stack>
    </Group>
  );
}

function MainNavigation({ me, onNavigate }: { me: MeResponse; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const isAdmin = me.role === 'admin';
  return (
    <Stack gap={4}>
      {can(me, 'calendar:view') && (
        <NavLink
          component={RouterNavLink}
          to={paths.today.getHref()}
          label="Today's clinic"
          leftSection={<IconClipboardList size={18} aria-hidden />}
          active={pathname.startsWith(paths.today.path)}
          onClick={onNavigate}
        />
      )}
      {can(me, 'queue:view') && (
        <NavLink
          component={RouterNavLink}
          to={paths.queue.getHref()}
          label="Refill queue"
          leftSection={<IconListCheck size={18} aria-hidden />}
          active={pathname.startsWith(paths.queue.path)}
          onClick={onNavigate}
        />
      )}
      {can(me, 'calendar:view') && (
        <NavLink
          component={RouterNavLink}
          to={paths.calendar.getHref()}
          label="Calendar"
          leftSection={<IconCalendarWeek size={18} aria-hidden />}
          active={pathname.startsWith(paths.calendar.path)}
          onClick={onNavigate}
        />
      )}
      <NavLink
        component={RouterNavLink}
        to={paths.patients.getHref()}
        label="Patients"
        description={isAdmin ? 'Read only' : undefined}
        leftSection={<IconUsersGroup size={18} aria-hidden />}
        active={pathname.startsWith(paths.patients.path)}
        onClick={onNavigate}
      />
      <NavLink
        component={RouterNavLink}
        to={paths.flags.getHref()}
        label="Flags"
        description={isAdmin ? 'Read only' : undefined}
        leftSection={<IconFlag size={18} aria-hidden />}
        active={pathname.startsWith(paths.flags.path)}
        onClick={onNavigate}
      />
      <NavLink
        component={RouterNavLink}
        to={paths.replacements.getHref()}
        label="Replacements"
        description={isAdmin ? 'Read only' : undefined}
        leftSection={<IconBatteryOff size={18} aria-hidden />}
        active={pathname.startsWith(paths.replacements.path)}
        onClick={onNavigate}
      />
      {can(me, 'report:view') && (
        <NavLink
          component={RouterNavLink}
          to={paths.reports.getHref()}
          label="Reports"
          leftSection={<IconChartBar size={18} aria-hidden />}
          active={pathname.startsWith(paths.reports.path)}
          onClick={onNavigate}
        />
      )}
      {can(me, 'user:manage') && (
        <NavLink
          component={RouterNavLink}
          to={paths.users.getHref()}
          label="Users"
          leftSection={<IconUsers size={18} aria-hidden />}
          active={pathname.startsWith(paths.users.path)}
          onClick={onNavigate}
        />
      )}
      {can(me, 'api_token:manage') && (
        <NavLink
          component={RouterNavLink}
          to={paths.apiTokens.getHref()}
          label="API tokens"
          leftSection={<IconKey size={18} aria-hidden />}
          active={pathname.startsWith(paths.apiTokens.path)}
          onClick={onNavigate}
        />
      )}
      {can(me, 'audit:view') && (
        <NavLink
          component={RouterNavLink}
          to={paths.audit.getHref()}
          label="Audit log"
          leftSection={<IconFileSearch size={18} aria-hidden />}
          active={pathname.startsWith(paths.audit.path)}
          onClick={onNavigate}
        />
      )}
      {can(me, 'clinic:manage') && (
        <NavLink
          component={RouterNavLink}
          to={paths.clinicSettings.getHref()}
          label="Clinic settings"
          leftSection={<IconSettings size={18} aria-hidden />}
          active={pathname.startsWith(paths.clinicSettings.path)}
          onClick={onNavigate}
        />
      )}
      {can(me, 'messages:manage') && (
        <NavLink
          component={RouterNavLink}
          to={paths.messages.getHref()}
          label="Messages"
          leftSection={<IconMail size={18} aria-hidden />}
          active={pathname.startsWith(paths.messages.path)}
          onClick={onNavigate}
        />
      )}
      <NavLink
        component={RouterNavLink}
        to={paths.account.getHref()}
        label="Your account"
        leftSection={<IconUserCircle size={18} aria-hidden />}
        active={pathname.startsWith(paths.account.path)}
        onClick={onNavigate}
      />
    </Stack>
  );
}

function SignedInShell({ me }: { me: MeResponse }) {
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const logout = useLogout({ signInHref: paths.signIn.getHref() });
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <a className="skip-link" href="#main-content">
          Skip to main content
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={isNavOpen ? 'Close navigation' : 'Open navigation'}
            />
            <Brand clinicName={me.clinic.name} />
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={600} lh={1.3}>
                {me.name}
              </Text>
              <Badge size="xs" variant="light" color="clinic">
                {ROLE_LABELS[me.role]}
              </Badge>
            </Stack>
            <Button
              variant="default"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => logout.mutate()}
              loading={logout.isPending}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <MainNavigation me={me} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className="app-main">
        <div className="service-status-slot">
          <ServiceStatusBanner />
        </div>
        {can(me, 'flag:acknowledge') && (
          <CriticalFlagsEscalation flagsHref={`${paths.flags.getHref()}?status=open&severity=critical`} />
        )}
        <Outlet />
      </AppShell.Main>
      {/* A new screen opens at its top (leaving a long form would otherwise land mid-page); Back restores. */}
      <ScrollRestoration />
    </AppShell>
  );
}

/** Every signed-in screen: waits for `/auth/me`, sends a signed-out visitor to sign-in. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.data) return <SignedInShell me={me.data} />;
  if (me.isPending) {
    return (
      <Center mih="100dvh">
        <PageLoader label="Loading your session" />
      </Center>
    );
  }
  if (isApiError(me.error) && me.error.status === 401) {
    return <Navigate to={paths.signIn.getHref(`${location.pathname}${location.search}`)} replace />;
  }
  return (
    <Center mih="100dvh" p="lg" style={{ flexDirection: 'column', gap: 16 }}>
      <ServiceStatusBanner />
      <QueryError
        title="Could not load your session"
        error={me.error}
        onRetry={() => void me.refetch()}
        isRetrying={me.isRefetching}
      />
    </Center>
  );
}
