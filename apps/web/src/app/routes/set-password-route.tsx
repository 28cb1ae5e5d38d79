import { Alert, Anchor, Button, Card, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconCircleCheck, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader';
import { useInvitation } from '../../features/auth/api/invitation';
import { SetPasswordForm } from '../../features/auth/components/set-password-form';
import { isApiError } from '../../lib/api-client';
import { formatInstant } from '../../lib/format';
import { paths } from '../paths';

/** `#token=…`: a fragment never reaches the server's logs nor a Referer header. */
const tokenFrom = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';

/** Public: the page an invitation or reset link opens, where the user sets their own password. */
export function SetPasswordRoute() {
  useDocumentTitle('Set your password · ITB Clinic');
  const { hash } = useLocation();
  const token = tokenFrom(hash);
  const invitation = useInvitation(token);
  const [isDone, setIsDone] = useState(false);

  let body;
  if (isDone) {
    body = (
      <Stack align="center" gap="sm" role="status">
        <IconCircleCheck size={40} aria-hidden color="var(--mantine-color-clinic-7)" />
        <Text fw={600}>Your password is set.</Text>
        <Button component={Link} to={paths.signIn.getHref()} fullWidth>
          Sign in
        </Button>
      </Stack>
    );
  } else if (!token) {
    body = <LinkProblem message="This page needs the link from your invitation. Open the whole link you were sent." />;
  } else if (invitation.isPending) {
    body = <PageLoader label="Checking your link" />;
  } else if (invitation.isError) {
    body = (
      <LinkProblem
        message={
          isApiError(invitation.error) && invitation.error.status === 404
            ? invitation.error.message
            : 'Could not check the link. Check your connection and reload the page.'
        }
      />
    );
  } else {
    body = (
      <Stack gap="md">
        <Text size="sm">
          Welcome, <strong>{invitation.data.name}</strong> ({invitation.data.email}). Choose the password you will sign
          in with. This link works once, until{' '}
          {formatInstant(invitation.data.expiresAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}.
        </Text>
        <SetPasswordForm
          token={token}
          email={invitation.data.email}
          name={invitation.data.name}
          onDone={() => setIsDone(true)}
        />
      </Stack>
    );
  }

  return (
    <Center component="main" mih="100dvh" p="md" className="app-main">
      <Stack w="100%" maw={440} gap="lg">
        <Stack align="center" gap="xs">
          <ThemeIcon size={52} radius="xl" aria-hidden>
            <IconKey size={30} />
          </ThemeIcon>
          <Title order={1} fz={26} ta="center">
            Set your password
          </Title>
        </Stack>
        <Card padding="xl" shadow="sm">
          {body}
        </Card>
      </Stack>
    </Center>
  );
}

function LinkProblem({ message }: { message: string }) {
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" title="This link cannot be used" icon={<IconAlertCircle aria-hidden />}>
        {message}
      </Alert>
      <Anchor component={Link} to={paths.signIn.getHref()} size="sm">
        Go to sign in
      </Anchor>
    </Stack>
  );
}
