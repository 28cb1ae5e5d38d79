import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';

/** The address as a calendar app subscribes to it: this dashboard's origin and the path the API answered. */
export const calendarFeedUrl = (path: string, origin = window.location.origin) => `${origin}${path}`;

/** The feed's secret address, shown once: copy it into a calendar app's "subscribe by URL". */
export function CalendarFeedAddress({ path, onDone }: { path: string; onDone: () => void }) {
  const url = calendarFeedUrl(path);
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="Your calendar address"
          value={url}
          readOnly
          style={{ flex: '1 1 16rem', minWidth: 0 }}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="calendar-feed-url"
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              variant={copied ? 'light' : 'filled'}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy address'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Alert variant="light" color="orange" icon={<IconInfoCircle aria-hidden />} title="Shown only now">
        <Text size="sm">
          In your calendar app choose &ldquo;Subscribe to calendar&rdquo; (or &ldquo;Add calendar from URL&rdquo;) and
          paste this address. The clinic keeps no copy of it: if it is lost, make a new address. Treat it like a
          password — anyone who has it sees the appointments.
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
