import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';

export type FeedConfirmation = 'regenerate' | 'revoke';

const WORDS: Record<FeedConfirmation, { title: string; text: string; action: string }> = {
  regenerate: {
    title: 'Make a new calendar address?',
    text: 'The current address stops working at once: calendar apps subscribed to it stop updating. Subscribe them again with the new address.',
    action: 'Make a new address',
  },
  revoke: {
    title: 'Revoke your calendar feed?',
    text: 'The address stops working at once: calendar apps subscribed to it stop updating and may keep the appointments they had. You can make a new address later.',
    action: 'Revoke the feed',
  },
};

/** Both actions break the address calendar apps hold, so each asks first. */
export function ConfirmFeedModal({
  confirmation,
  isPending,
  error,
  onCancel,
  onConfirm,
}: {
  confirmation: FeedConfirmation | null;
  isPending: boolean;
  /** The last attempt's failure, shown where the user is looking. */
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const words = confirmation ? WORDS[confirmation] : null;
  return (
    <Modal opened={confirmation !== null} onClose={onCancel} title={words?.title}>
      {words && (
        <Stack>
          <Text size="sm">{words.text}</Text>
          {error != null && <FormErrorAlert error={error} title="Could not change your calendar feed" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button color="red.9" loading={isPending} onClick={onConfirm}>
              {words.action}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
