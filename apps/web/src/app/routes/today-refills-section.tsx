import type { AppointmentResponse, MeResponse } from '@itb/contracts';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDropletCheck, IconDropletPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../components/ui/high-risk-badge';
import { useAppointmentsInRange } from '../../features/appointments/api/get-appointments';
import { AppointmentStatusBadge } from '../../features/appointments/components/appointment-status-badge';
import { TodaySection } from '../../features/today/components/today-section';
import { recordedRefillCount, refillsToRecord } from '../../features/today/lib/todays-work';
import { can } from '../../lib/auth';
import { formatClinicTime } from '../../lib/clinic-time';
import { paths } from '../paths';

function RefillRow({
  appointment,
  timeZone,
  canRecord,
}: {
  appointment: AppointmentResponse;
  timeZone: string;
  canRecord: boolean;
}) {
  const time = formatClinicTime(appointment.startsAt, timeZone);
  return (
    <Paper component="article" withBorder p="xs" aria-label={`Refill, ${appointment.patientName}, ${time}`}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2} miw={0}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={700}>
              {time}
            </Text>
            <Anchor component={Link} to={paths.patient.getHref(appointment.patientId)} size="sm" fw={600}>
              {appointment.patientName}
            </Anchor>
            {appointment.isHighRisk && <HighRiskBadge size="xs" />}
          </Group>
          <Group gap={6}>
            <Text span ff="monospace" size="xs" c="dimmed">
              {appointment.mrn}
            </Text>
            <AppointmentStatusBadge status={appointment.status} size="sm" />
          </Group>
        </Stack>
        {canRecord && (
          <Button
            component={Link}
            to={paths.recordRefill.getHref(appointment.patientId)}
            size="xs"
            variant={appointment.status === 'arrived' ? 'filled' : 'default'}
            leftSection={<IconDropletPlus size={14} aria-hidden />}
            aria-label={`Record refill for ${appointment.patientName}`}
          >
            Record refill
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Today's refill appointments still to record: checked-in patients first, then those booked. */
export function TodayRefillsSection({ me, today }: { me: MeResponse; today: string }) {
  const appointmentsQuery = useAppointmentsInRange({ from: today, to: today });
  const appointments = appointmentsQuery.data ?? [];
  const refills = refillsToRecord(appointments);
  const recorded = recordedRefillCount(appointments);
  return (
    <TodaySection
      title="Refills to record"
      subject="today's refills"
      count={appointmentsQuery.data ? String(refills.length) : undefined}
      summary={recorded > 0 ? `${recorded} already recorded today` : undefined}
      query={appointmentsQuery}
      isEmpty={refills.length === 0}
      empty={{
        icon: <IconDropletCheck aria-hidden />,
        title: recorded > 0 ? 'Every refill booked for today is recorded' : 'No refills to record',
        description: 'Patients booked for a refill today appear here; the ones checked in come first.',
      }}
    >
      <Stack gap="xs">
        {refills.map((appointment) => (
          <RefillRow
            key={appointment.id}
            appointment={appointment}
            timeZone={me.clinic.timeZone}
            canRecord={can(me, 'fill:record')}
          />
        ))}
      </Stack>
    </TodaySection>
  );
}
