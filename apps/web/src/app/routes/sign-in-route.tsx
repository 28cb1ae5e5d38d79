import { Card, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconHeartbeat } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router';
import { ServiceStatusBanner } from '../../components/ui/service-status-banner';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { safeRedirectTarget } from '../paths';

export function SignInRoute() {
  useDocumentTitle('Sign in · ITB Clinic');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirectTarget(searchParams.get('redirectTo'));

  return (
    <Center component="main" mih="100dvh" p="md" className="app-main">
      <Stack w="100%" maw={420} gap="lg">
        <ServiceStatusBanner />
        <Stack align="center" gap="xs">
          <ThemeIcon size={52} radius="xl" aria-hidden>
            <IconHeartbeat size={30} />
          </ThemeIcon>
          <Title order={1} fz={26} ta="center">
            Sign in to ITB Clinic
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            Intrathecal baclofen pump clinic
          </Text>
        </Stack>
        <Card padding="xl" shadow="sm">
          <SignInForm onSuccess={() => void navigate(redirectTo, { replace: true })} />
        </Card>
      </Stack>
    </Center>
  );
}
