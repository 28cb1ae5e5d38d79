import type { AppointmentResponse } from '@itb/contracts';
import { Text } from '@mantine/core';
import { formatDays, formatInstant, formatInstantDate, formatMl, withoutDrugText } from '../../../lib/format';
import { isLate, pumpStateOf } from '../lib/visit-urgency';

/**
 * What the front desk needs first about a visit still to happen: the pump's state (empty, in red; the
 * volume left and the alarm passed, or the days to it) and whether the patient is late.
 */
export function PumpStateLine({ appointment, timeZone }: { appointment: AppointmentResponse; timeZone: string }) {
  if (appointment.status !== 'booked' && appointment.status !== 'arrived') return null;
  const state = pumpStateOf(appointment);
  const late = isLate(appointment);
  return (
    <>
      {state?.kind === 'empty' && (
        <Text size="sm" fw={700} c="red.9" data-testid="visit-pump-state">
          Empty since {formatInstantDate(state.since, timeZone)} — {withoutDrugText(state.hoursWithoutDrug)}
        </Text>
      )}
      {state?.kind === 'alarm-passed' && (
        <Text size="sm" fw={700} c="red.9" data-testid="visit-pump-state">
          {formatMl(state.volumeNowMl)} left · alarm passed {formatInstant(state.since, timeZone)}
        </Text>
      )}
      {state?.kind === 'alarm-ahead' && (
        <Text
          size="xs"
          fw={state.days <= 7 ? 700 : 400}
          c={state.days <= 7 ? 'orange.9' : 'dimmed'}
          data-testid="visit-pump-state"
        >
          {formatMl(state.volumeNowMl)} left · alarm in {state.days === 0 ? 'under a day' : formatDays(state.days)}
        </Text>
      )}
      {late && (
        <Text size="xs" fw={700} c="orange.9">
          Late: not checked in
        </Text>
      )}
    </>
  );
}
