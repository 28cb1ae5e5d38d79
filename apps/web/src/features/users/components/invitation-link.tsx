import type { Invitation } from '@itb/contracts';
import { Button, Group, Stack, Text } from '@mantine/core';
import { OneTimeSecret } from '../../../components/ui/one-time-secret';
import { formatInstant } from '../../../lib/format';

/** The link as the user will open it: this dashboard's origin and the path the API answered. */
export const invitationUrl = (invitation: Invitation, origin = window.location.origin) => `${origin}${invitation.path}`;

/** A one-time link, shown once: copy it and send it to the user by a channel you trust. */
export function InvitationLink({
  invitation,
  userName,
  timeZone,
  onDone,
}: {
  invitation: Invitation;
  userName: string;
  timeZone: string;
  onDone: () => void;
}) {
  const url = invitationUrl(invitation);
  return (
    <Stack gap="md">
      <Text size="sm">
        Send this link to <strong>{userName}</strong>. It opens a page where they choose their own password. It works
        once, until <strong>{formatInstant(invitation.expiresAt, timeZone)}</strong>.
      </Text>
      <OneTimeSecret
        label="One-time link"
        value={url}
        copyLabel="Copy link"
        notice="The clinic keeps no copy of this link. If it is lost or expires, reset the user to make a new one."
      />
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
