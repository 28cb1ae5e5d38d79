import type { Invitation } from '@itb/contracts';
import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
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
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label="One-time link"
          value={url}
          readOnly
          style={{ flex: 1, minWidth: 0 }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              variant={copied ? 'light' : 'filled'}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Alert variant="light" color="orange" icon={<IconInfoCircle aria-hidden />} title="Shown only now">
        The clinic keeps no copy of this link. If it is lost or expires, reset the user to make a new one.
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
