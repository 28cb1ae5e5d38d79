import type { UserResponse, UserWithInvitationResponse } from '@itb/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { useResetUser } from '../api/reset-user';
import { InvitationLink } from './invitation-link';

/** Reset: the old password stops working, sessions end, and a new one-time link is shown once. */
export function ResetUserModal({
  user,
  onClose,
  timeZone,
}: {
  user: UserResponse | null;
  onClose: () => void;
  timeZone: string;
}) {
  const resetUser = useResetUser();
  const [result, setResult] = useState<UserWithInvitationResponse | null>(null);
  const close = () => {
    resetUser.reset();
    setResult(null);
    onClose();
  };
  return (
    <Modal opened={user !== null} onClose={close} title={result ? 'Send the new link' : 'Reset sign-in'} size="lg">
      {user &&
        (result ? (
          <InvitationLink invitation={result.invitation} userName={user.name} timeZone={timeZone} onDone={close} />
        ) : (
          <Stack>
            <Text size="sm">
              <strong>{user.name}</strong> ({user.email}) is signed out everywhere and their current password stops
              working. You get a new one-time link for them to choose a new password.
            </Text>
            {resetUser.isError && <FormErrorAlert error={resetUser.error} title="Could not reset" />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                color="red.9"
                loading={resetUser.isPending}
                onClick={() =>
                  resetUser.mutate({ id: user.id, body: { version: user.version } }, { onSuccess: setResult })
                }
              >
                Reset and make a link
              </Button>
            </Group>
          </Stack>
        ))}
    </Modal>
  );
}
