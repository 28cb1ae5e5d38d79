import type { RefillQueueRow } from '@itb/contracts';
import { Divider, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  AlarmCell,
  NextAppointmentCell,
  PatientCell,
  pumpModelLabel,
  type QueueViewProps,
  RefillByCell,
  VolumeCell,
  WorstFlagCell,
} from './queue-cells';

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** An overdue card carries the table row's red edge and tint. */
const OVERDUE_CARD_STYLE = {
  backgroundColor: 'var(--mantine-color-red-0)',
  borderLeft: '4px solid var(--mantine-color-red-8)',
};

function QueueCard({
  row,
  timeZone,
  today,
  getPatientHref,
  getCalendarDayHref,
  onBook,
}: Omit<QueueViewProps, 'rows'> & { row: RefillQueueRow }) {
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-overdue={row.isOverdue || undefined}
      data-testid="queue-card"
      style={row.isOverdue ? OVERDUE_CARD_STYLE : undefined}
    >
      <Stack gap="sm">
        <PatientCell row={row} getPatientHref={getPatientHref} />
        {/* Its own row: the overdue badge is wider than half a phone. */}
        <Labelled label="Refill by">
          <RefillByCell row={row} today={today} />
        </Labelled>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Labelled label="Days to alarm">
            <AlarmCell row={row} timeZone={timeZone} />
          </Labelled>
          <Labelled label="Worst flag">
            <WorstFlagCell row={row} />
          </Labelled>
          <Labelled label="Volume now">
            <VolumeCell row={row} />
          </Labelled>
        </SimpleGrid>
        <Divider />
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Labelled label="Next appointment">
            <NextAppointmentCell
              row={row}
              timeZone={timeZone}
              getCalendarDayHref={getCalendarDayHref}
              onBook={onBook}
            />
          </Labelled>
          <Text size="xs" c="dimmed" ta="right">
            {pumpModelLabel(row)}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The queue on a phone: one card per pump, with the overdue state, the refill-by date and Book in view
 * without sideways scrolling (the table needs 940 px). Same cells, same words, same order of rows.
 */
export function QueueCards({ rows, ...props }: QueueViewProps) {
  return (
    <Stack component="ul" aria-label="Due-refill queue" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <QueueCard key={row.pumpId} row={row} {...props} />
      ))}
    </Stack>
  );
}
