import { Card, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../../components/ui/page-header';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { StaffDigestCard } from '../../features/auth/components/staff-digest-card';
import { CalendarFeedCard } from '../../features/calendar-feed/components/calendar-feed-card';
import { ROLE_LABELS, useCurrentUser } from '../../lib/auth';

/** Everyone's own account: who they are, changing their password, and their calendar feed. */
export function AccountRoute() {
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title="Your account" description={`${me.name} · ${ROLE_LABELS[me.role]} · ${me.clinic.name}`} />
      <Stack gap="md">
        <Card>
          <Stack gap="md">
            <div>
              <Title order={2} fz="lg">
                Change password
              </Title>
              <Text size="sm" c="dimmed">
                Signed in as {me.email}. Changing it signs you out everywhere else.
              </Text>
            </div>
            <ChangePasswordForm email={me.email} name={me.name} />
          </Stack>
        </Card>
        {me.role !== 'admin' && <StaffDigestCard me={me} />}
        <CalendarFeedCard me={me} />
      </Stack>
    </>
  );
}
