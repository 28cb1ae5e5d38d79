import type { UserResponse } from '@itb/contracts';
import { Button, Card, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { QueryError } from '../../../components/ui/query-error';
import { submitErrorMessage } from '../../../lib/form-errors';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { CreateUserModal } from './create-user-modal';
import { ResetUserModal } from './reset-user-modal';
import { UsersTable } from './users-table';

function DeactivateModal({ user, onClose }: { user: UserResponse | null; onClose: () => void }) {
  const updateUser = useUpdateUser();
  const close = () => {
    updateUser.reset();
    onClose();
  };
  const deactivate = (target: UserResponse) =>
    updateUser.mutate(
      { id: target.id, body: { version: target.version, isActive: false } },
      {
        onSuccess: () => {
          notifications.show({ color: 'clinic', title: 'User deactivated', message: `${target.name} is signed out.` });
          close();
        },
      },
    );
  return (
    <Modal opened={user !== null} onClose={close} title="Deactivate user">
      {user && (
        <Stack>
          <Text size="sm">
            <strong>{user.name}</strong> is signed out and cannot sign in until reactivated. Their records stay.
          </Text>
          {updateUser.isError && <FormErrorAlert error={updateUser.error} title="Could not deactivate" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red.9" loading={updateUser.isPending} onClick={() => deactivate(user)}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The clinic's user accounts: invite, deactivate or reactivate, reset (a new one-time link). */
export function UsersAdmin({ currentUserId, timeZone }: { currentUserId: string; timeZone: string }) {
  const usersQuery = useUsers();
  const reactivate = useUpdateUser();
  const [isCreating, setIsCreating] = useState(false);
  const [resetting, setResetting] = useState<UserResponse | null>(null);
  const [deactivating, setDeactivating] = useState<UserResponse | null>(null);

  const onReactivate = (user: UserResponse) =>
    reactivate.mutate(
      { id: user.id, body: { version: user.version, isActive: true } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'clinic',
            title: 'User reactivated',
            message: `${user.name} can sign in again.`,
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Could not reactivate', message: submitErrorMessage(error) }),
      },
    );

  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Text size="sm" c="dimmed">
          Everyone who signs in to this clinic. New users set their own password through a one-time link; deactivating
          or resetting ends a user&apos;s sessions.
        </Text>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setIsCreating(true)}>
          Add user
        </Button>
      </Group>
      {usersQuery.isPending ? (
        <Stack gap="sm" role="status" aria-busy aria-label="Loading users">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      ) : usersQuery.isError ? (
        <QueryError
          title="Could not load users"
          error={usersQuery.error}
          onRetry={() => void usersQuery.refetch()}
          isRetrying={usersQuery.isRefetching}
        />
      ) : (
        <UsersTable
          users={usersQuery.data.items}
          currentUserId={currentUserId}
          pendingUserId={reactivate.isPending ? (reactivate.variables?.id ?? null) : null}
          onReset={setResetting}
          onDeactivate={setDeactivating}
          onReactivate={onReactivate}
        />
      )}
      <CreateUserModal opened={isCreating} onClose={() => setIsCreating(false)} timeZone={timeZone} />
      <ResetUserModal user={resetting} onClose={() => setResetting(null)} timeZone={timeZone} />
      <DeactivateModal user={deactivating} onClose={() => setDeactivating(null)} />
    </Card>
  );
}
