import { Alert, Button, Center, Stack, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useRouteError } from 'react-router';

/** The last line: an unexpected rendering error shows a way out instead of a blank page. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  // The details go to the console for whoever debugs; the screen shows no internals.
  console.error(error);
  return (
    <Center component="main" mih="100dvh" p="lg">
      <Stack maw={480}>
        <Title order={1} fz={24}>
          Something went wrong
        </Title>
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
          This screen failed to show. Reload the page; if it happens again, tell your administrator what you were doing.
        </Alert>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </Stack>
    </Center>
  );
}
