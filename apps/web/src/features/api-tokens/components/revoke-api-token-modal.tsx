import type { ApiTokenResponse } from '@itb/contracts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { useRevokeApiToken } from '../api/revoke-api-token';

/** Asks before revoking: a revoked token answers 401 at once, and cannot be brought back. */
export function RevokeApiTokenModal({ token, onClose }: { token: ApiTokenResponse | null; onClose: () => void }) {
  const revoke = useRevokeApiToken();
  const [reason, setReason] = useState('');
  const close = () => {
    revoke.reset();
    setReason('');
    onClose();
  };
  const confirm = (target: ApiTokenResponse) =>
    revoke.mutate(
      { id: target.id, body: reason.trim() ? { reason: reason.trim() } : {} },
      {
        onSuccess: () => {
          notifications.show({ color: 'clinic', title: 'Token revoked', message: `${target.name} no longer works.` });
          close();
        },
      },
    );
  return (
    <Modal opened={token !== null} onClose={close} title="Revoke API token">
      {token && (
        <Stack>
          <Text size="sm">
            <strong>{token.name}</strong> ({token.prefix}…) stops working at once; whatever uses it gets 401. This
            cannot be undone.
          </Text>
          <Textarea
            label="Reason (optional, kept in the audit log)"
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {revoke.isError && <FormErrorAlert error={revoke.error} title="Could not revoke" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => confirm(token)}>
              Revoke token
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
