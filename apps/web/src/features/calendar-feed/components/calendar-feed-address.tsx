import { Button, Group, Stack, Text } from '@mantine/core';
import { OneTimeSecret } from '../../../components/ui/one-time-secret';

/** The address as a calendar app subscribes to it: this dashboard's origin and the path the API answered. */
export const calendarFeedUrl = (path: string, origin = window.location.origin) => `${origin}${path}`;

/** The feed's secret address, shown once: copy it into a calendar app's "subscribe by URL". */
export function CalendarFeedAddress({ path, onDone }: { path: string; onDone: () => void }) {
  const url = calendarFeedUrl(path);
  return (
    <Stack gap="sm">
      <OneTimeSecret
        label="Your calendar address"
        value={url}
        copyLabel="Copy address"
        inputTestId="calendar-feed-url"
        notice={
          <Text size="sm">
            In your calendar app choose &ldquo;Subscribe to calendar&rdquo; (or &ldquo;Add calendar from URL&rdquo;) and
            paste this address. The clinic keeps no copy of it: if it is lost, make a new address. Treat it like a
            password — anyone who has it sees the appointments.
          </Text>
        }
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
