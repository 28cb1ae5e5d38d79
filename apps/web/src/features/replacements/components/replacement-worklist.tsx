import type { ReplacementWorklistRow } from '@itb/contracts';
import { toLocalDate } from '@itb/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBatteryOff, IconCalendarPlus, IconFilterOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ListEmptyState } from '../../../components/ui/list-empty-state';
import { ListStates } from '../../../components/ui/list-states';
import { LoadMoreFooter } from '../../../components/ui/load-more-footer';
import { formatClinicTime, formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import { formatDays, formatLocalDate } from '../../../lib/format';
import { useReplacementWorklist } from '../api/get-replacement-worklist';

export const WINDOW_OPTIONS = [
  { value: '90', label: '90 days (urgent)' },
  { value: '180', label: '180 days (plan now)' },
  { value: '365', label: 'One year' },
  { value: '1825', label: 'Five years' },
];
export const DEFAULT_WINDOW_DAYS = 180;

/** "Passed 3 days ago" in red, "In 40 days" in orange within 90 days (the pump stops within 90 days of ERI). */
function DueCell({ row }: { row: ReplacementWorklistRow }) {
  const isPassed = row.daysLeft <= 0;
  const isUrgent = row.daysLeft <= 90;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={700} c={isPassed ? 'red.9' : isUrgent ? 'orange.9' : undefined}>
        {formatLocalDate(row.dueOn)}
      </Text>
      <Text size="xs" c={isPassed ? 'red.9' : 'dimmed'} fw={isPassed ? 700 : 400}>
        {isPassed
          ? row.daysLeft === 0
            ? 'Due today'
            : `Passed ${formatDays(-row.daysLeft)} ago`
          : `In ${formatDays(row.daysLeft)}`}
      </Text>
      <Badge size="sm" variant="outline" color={row.isEstimate ? 'gray.8' : 'clinic.9'}>
        {row.isEstimate ? 'Estimate: interrogate to confirm' : 'From interrogation'}
      </Badge>
    </Stack>
  );
}

function ConsultCell({
  row,
  timeZone,
  onBook,
}: {
  row: ReplacementWorklistRow;
  timeZone: string;
  onBook?: (row: ReplacementWorklistRow) => void;
}) {
  if (row.nextConsult) {
    return (
      <Text size="sm" data-testid="replacement-consult">
        {formatLocalDateWithWeekday(toLocalDate(new Date(row.nextConsult.startsAt), timeZone))},{' '}
        {formatClinicTime(row.nextConsult.startsAt, timeZone)} ·{' '}
        {row.nextConsult.status === 'arrived' ? 'Checked in' : 'Booked'}
      </Text>
    );
  }
  if (!onBook) {
    return (
      <Text size="sm" c="dimmed">
        Not booked
      </Text>
    );
  }
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconCalendarPlus size={14} aria-hidden />}
      onClick={() => onBook(row)}
      aria-label={`Book consult for ${row.patientName}`}
    >
      Book consult
    </Button>
  );
}

function PatientCell({ row, getPatientHref }: { row: ReplacementWorklistRow; getPatientHref: (id: string) => string }) {
  return (
    <>
      <Anchor component={Link} to={getPatientHref(row.patientId)} fw={600}>
        {row.patientName}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace">
        <VisuallyHidden>MRN </VisuallyHidden>
        {row.mrn}
      </Text>
    </>
  );
}

/** The worklist on a phone: one card per pump, its due date and its consult in view without sideways scrolling. */
function WorklistCards({
  rows,
  timeZone,
  getPatientHref,
  onBook,
}: {
  rows: ReplacementWorklistRow[];
  timeZone: string;
  getPatientHref: (id: string) => string;
  onBook?: (row: ReplacementWorklistRow) => void;
}) {
  return (
    <Stack component="ul" aria-label="Replacement worklist" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <Paper component="li" key={row.pumpId} withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <PatientCell row={row} getPatientHref={getPatientHref} />
              </div>
              <Text size="xs" c="dimmed" ta="right">
                {row.modelLabel}
                <br />
                <Text span ff="monospace" size="xs">
                  {row.serialNumber}
                </Text>
              </Text>
            </Group>
            <DueCell row={row} />
            <Text size="xs" c="dimmed">
              Implanted {formatLocalDate(row.implantedOn)}
            </Text>
            <ConsultCell row={row} timeZone={timeZone} onBook={onBook} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

interface ReplacementWorklistProps {
  withinDays: number;
  onWithinDaysChange: (days: number) => void;
  timeZone: string;
  getPatientHref: (patientId: string) => string;
  /** Opens the booking dialog for a replacement consult; absent for a role that cannot book. */
  onBook?: (row: ReplacementWorklistRow) => void;
}

/**
 * The replacement worklist (issue 14 item 6): active pumps by the date they need replacing, soonest first,
 * each with its replacement consult or a way to book one.
 */
export function ReplacementWorklist({
  withinDays,
  onWithinDaysChange,
  timeZone,
  getPatientHref,
  onBook,
}: ReplacementWorklistProps) {
  const query = useReplacementWorklist(withinDays);
  // The table needs 760 px: a phone gets a card per pump.
  const isNarrow = useMediaQuery('(max-width: 48em)');
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const passed = rows.filter((row) => row.daysLeft <= 0).length;
  const shown = `Showing ${rows.length} ${rows.length === 1 ? 'pump' : 'pumps'}`;
  return (
    <Card>
      <Stack gap="md">
        <NativeSelect
          label="Replacement due within"
          description="Passed dates always show"
          data={WINDOW_OPTIONS}
          value={String(withinDays)}
          onChange={(event) => onWithinDaysChange(Number(event.currentTarget.value))}
          w={240}
        />
        <ListStates
          query={query}
          isEmpty={rows.length === 0}
          loading={
            <Text role="status" size="sm" c="dimmed">
              Loading the worklist…
            </Text>
          }
          errorTitle="Could not load the replacement worklist"
          empty={
            <ListEmptyState
              isFiltered={withinDays !== DEFAULT_WINDOW_DAYS}
              onReset={() => onWithinDaysChange(DEFAULT_WINDOW_DAYS)}
              resetLabel="Back to 180 days"
              filtered={{
                icon: <IconFilterOff aria-hidden />,
                title: `No pump is due for replacement within ${withinDays} days`,
                description: 'Widen the window to plan further ahead.',
              }}
              empty={{
                icon: <IconBatteryOff aria-hidden />,
                title: 'No pump is due for replacement within 180 days',
                description: 'Pumps appear here six months before their ERI date or the model’s estimate.',
              }}
            />
          }
        >
          {isNarrow ? (
            <WorklistCards rows={rows} timeZone={timeZone} getPatientHref={getPatientHref} onBook={onBook} />
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label="Replacement worklist" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Patient</Table.Th>
                    <Table.Th scope="col">Pump</Table.Th>
                    <Table.Th scope="col">Implanted</Table.Th>
                    <Table.Th scope="col">Replacement due</Table.Th>
                    <Table.Th scope="col">Replacement consult</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.pumpId}>
                      <Table.Td>
                        <PatientCell row={row} getPatientHref={getPatientHref} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.modelLabel}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {row.serialNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatLocalDate(row.implantedOn)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <DueCell row={row} />
                      </Table.Td>
                      <Table.Td>
                        <ConsultCell row={row} timeZone={timeZone} onBook={onBook} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadMoreFooter
            query={query}
            summary={passed > 0 ? `${shown}, ${passed} past due` : shown}
            noun="of the worklist"
          />
        </ListStates>
      </Stack>
    </Card>
  );
}
