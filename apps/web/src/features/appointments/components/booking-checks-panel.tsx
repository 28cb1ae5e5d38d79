import type { AppointmentPreviewResponse } from '@itb/contracts';
import { Alert, Group, List, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { formatInstant, formatLocalDate } from '../../../lib/format';

interface BookingChecksPanelProps {
  preview: AppointmentPreviewResponse | undefined;
  isFetching: boolean;
  error: unknown;
  timeZone: string;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </Stack>
  );
}

/**
 * The server's checks for the chosen slot, before saving: the pump's alarm, empty and refill-by
 * dates, how full the day is, and every warning the booking would be saved with.
 */
export function BookingChecksPanel({ preview, isFetching, error, timeZone }: BookingChecksPanelProps) {
  if (error && !preview) return <FormErrorAlert error={error} title="Could not check this slot" />;
  if (!preview) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          Checking the slot against the pump and the clinic day…
        </Text>
      </Group>
    );
  }
  const { pump, day, warnings } = preview;
  return (
    <Stack gap="sm" aria-busy={isFetching} data-testid="booking-checks">
      <Paper withBorder p="sm" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label="Low-reservoir alarm" value={pump?.alarmAt ? formatInstant(pump.alarmAt, timeZone) : '—'} />
          <Fact label="Pump empty" value={pump?.emptyAt ? formatInstant(pump.emptyAt, timeZone) : '—'} />
          <Fact label="Refill by" value={pump?.refillBy ? formatLocalDate(pump.refillBy) : '—'} />
          <Fact
            label={`Booked on ${formatLocalDate(preview.startsOn)}`}
            value={`${day.booked} of ${day.capacity} slots`}
          />
        </SimpleGrid>
        {!pump && (
          <Text size="xs" c="dimmed" mt="xs">
            No active pump: no pump dates to check against.
          </Text>
        )}
      </Paper>
      {warnings.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Before you book"
          data-testid="live-booking-warnings"
        >
          <List size="sm">
            {warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
          <Text size="sm" mt={4}>
            You can still book it.
          </Text>
        </Alert>
      ) : (
        <Group gap={6}>
          <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
          <Text size="sm" c="green.9">
            Before the pump&apos;s dates, on a clinic day with room, within clinic hours.
          </Text>
        </Group>
      )}
    </Stack>
  );
}
