import type { AppointmentStatus } from '@itb/domain';

/** FHIR's statuses in the words a front desk uses. */
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  arrived: 'Checked in',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled',
  noshow: 'No-show',
};

/** Badge colours whose auto-contrast text passes AA; every status also carries its word. */
export const APPOINTMENT_STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'clinic',
  arrived: 'indigo',
  fulfilled: 'green',
  cancelled: 'gray',
  noshow: 'orange',
};

/** What the front desk may do next with an appointment (the API checks the same order). */
export type StatusAction = 'check_in' | 'no_show' | 'cancel';
export type AppointmentAction = StatusAction | 'reschedule';

export const ACTION_STATUS: Record<StatusAction, AppointmentStatus> = {
  check_in: 'arrived',
  no_show: 'noshow',
  cancel: 'cancelled',
};

export const ACTION_LABELS: Record<AppointmentAction, string> = {
  check_in: 'Check in',
  no_show: 'No-show',
  reschedule: 'Move',
  cancel: 'Cancel',
};

export function actionsFor(status: AppointmentStatus): AppointmentAction[] {
  switch (status) {
    case 'booked':
      return ['check_in', 'no_show', 'reschedule', 'cancel'];
    case 'arrived':
      return ['cancel'];
    case 'fulfilled':
    case 'cancelled':
    case 'noshow':
      return [];
  }
}
