import type { UserResponse } from '@itb/contracts';
import { Badge, Button, Group, Table } from '@mantine/core';
import { ROLE_LABELS } from '../../../lib/auth';

interface UsersTableProps {
  users: UserResponse[];
  currentUserId: string;
  pendingUserId: string | null;
  onReset: (user: UserResponse) => void;
  onDeactivate: (user: UserResponse) => void;
  onReactivate: (user: UserResponse) => void;
}

/** Active, waiting for the user to set a password, link expired, or deactivated. */
export function userStatus(user: UserResponse, now = Date.now()): { label: string; color: string } {
  if (!user.isActive) return { label: 'Deactivated', color: 'gray' };
  if (user.hasPassword) return { label: 'Active', color: 'clinic' };
  if (user.invitationExpiresAt && Date.parse(user.invitationExpiresAt) > now) {
    return { label: 'Invited', color: 'blue' };
  }
  return { label: 'Link expired', color: 'orange.9' };
}

function UserStatusBadge({ user }: { user: UserResponse }) {
  const { label, color } = userStatus(user);
  return (
    <Badge variant="light" color={color}>
      {label}
    </Badge>
  );
}

export function UsersTable({
  users,
  currentUserId,
  pendingUserId,
  onReset,
  onDeactivate,
  onReactivate,
}: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <Table.Tr key={user.id}>
                <Table.Td fw={600}>
                  {user.name}
                  {isSelf && (
                    <Badge ml="xs" size="sm" variant="light" color="gray">
                      You
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
                <Table.Td>
                  <UserStatusBadge user={user} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      disabled={isSelf}
                      title={isSelf ? 'Change your own password on your account page' : undefined}
                      onClick={() => onReset(user)}
                      aria-label={`Reset sign-in for ${user.name}`}
                    >
                      {user.hasPassword ? 'Reset' : 'New link'}
                    </Button>
                    {user.isActive ? (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        disabled={isSelf}
                        onClick={() => onDeactivate(user)}
                        aria-label={`Deactivate ${user.name}`}
                      >
                        Deactivate
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="outline"
                        loading={pendingUserId === user.id}
                        onClick={() => onReactivate(user)}
                        aria-label={`Reactivate ${user.name}`}
                      >
                        Reactivate
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
