import { APPOINTMENT_TYPE_LABELS, type AppointmentResponse } from '@itb/contracts';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import { formatClinicTimeRange } from '../../../lib/clinic-time';
import { AppointmentActions } from './appointment-actions';
import { AppointmentStatusBadge } from './appointment-status-badge';
import { PumpStateLine } from './pump-state-line';
import classes from './calendar.module.css';

interface AppointmentCardProps {
  appointment: AppointmentResponse;
  timeZone: string;
  /** Inline buttons in the wide day view; a menu in the narrow week columns. */
  layout: 'inline' | 'menu';
  canManage: boolean;
  getPatientHref: (patientId: string) => string;
  getRecordRefillHref: (patientId: string) => string;
}

export function AppointmentCard({
  appointment,
  timeZone,
  layout,
  canManage,
  getPatientHref,
  getRecordRefillHref,
}: AppointmentCardProps) {
  const time = formatClinicTimeRange(appointment.startsAt, appointment.durationMinutes, timeZone);
  const type = APPOINTMENT_TYPE_LABELS[appointment.type];
  const isWide = layout === 'inline';
  return (
    <Paper
      component="article"
      withBorder
      p="xs"
      className={classes.appointment}
      data-status={appointment.status}
      aria-label={`${type}, ${appointment.patientName}, ${time}`}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap={isWide ? 'nowrap' : 'wrap'}>
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
            {time}
          </Text>
          <PumpStateLine appointment={appointment} timeZone={timeZone} />
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={getPatientHref(appointment.patientId)} size="sm" fw={600}>
              {appointment.patientName}
            </Anchor>
            {appointment.isHighRisk && <HighRiskBadge size="xs" />}
          </Group>
          <Text size="xs" c="dimmed">
            <Text span ff="monospace" size="xs">
              {appointment.mrn}
            </Text>
            {' · '}
            {type}
            {appointment.clinicianName && ` · ${appointment.clinicianName}`}
          </Text>
          {!isWide && <AppointmentStatusBadge status={appointment.status} size="sm" />}
          {appointment.notes && isWide && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {appointment.notes}
            </Text>
          )}
        </Stack>
        {isWide && (
          <Stack gap="xs" align="flex-end">
            <AppointmentStatusBadge status={appointment.status} />
          </Stack>
        )}
      </Group>
      {canManage && (
        <Stack mt="xs" gap={0}>
          <AppointmentActions
            appointment={appointment}
            layout={layout}
            recordRefillHref={getRecordRefillHref(appointment.patientId)}
          />
        </Stack>
      )}
    </Paper>
  );
}
