import type { AppointmentPreviewRequest } from '@itb/contracts';
import type { AppointmentType } from '@itb/domain';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { clinicWallClockToIso } from '../../../lib/clinic-time';
import { useAppointmentPreview } from '../api/preview-appointment';

interface SlotFields {
  patientId: string;
  timeZone: string;
  date?: string;
  time?: string;
  type?: AppointmentType;
  /** As the form holds it: a select's string, or a number. */
  durationMinutes?: unknown;
  /** The appointment being moved: not counted against its own day. */
  appointmentId?: string;
}

/** The body the preview endpoint needs, or null while the date, time or duration is incomplete. */
export function slotPreviewRequest(fields: SlotFields): AppointmentPreviewRequest | null {
  const startsAt = clinicWallClockToIso(fields.date ?? '', fields.time ?? '', fields.timeZone);
  const durationMinutes = Number(fields.durationMinutes);
  if (!startsAt || !fields.type || !Number.isInteger(durationMinutes) || durationMinutes < 5) return null;
  return {
    patientId: fields.patientId,
    type: fields.type,
    startsAt,
    durationMinutes,
    ...(fields.appointmentId ? { appointmentId: fields.appointmentId } : {}),
  };
}

/** The server's checks for the slot a form holds, asked a moment after the typing stops. */
export function useSlotPreview(fields: SlotFields) {
  // Debounced as text: a new object every render would restart the timer for ever.
  const [settled] = useDebouncedValue(JSON.stringify(slotPreviewRequest(fields)), 250);
  const query = useAppointmentPreview(JSON.parse(settled) as AppointmentPreviewRequest | null);
  return { preview: query.data, isFetching: query.isFetching, error: query.error };
}

/**
 * A refusal of the slot (a time already past, a double booking) sits under the date or time field
 * until either is changed: the person has then answered it, and the next save asks afresh. The
 * form's own checks stay as they are.
 */
export function useClearSlotErrorsOnChange<T extends FieldValues & { date: string; time: string }>(
  form: Pick<UseFormReturn<T>, 'clearErrors' | 'getFieldState'>,
  date: string | undefined,
  time: string | undefined,
) {
  const { clearErrors, getFieldState } = form;
  useEffect(() => {
    for (const name of ['date', 'time'] as Path<T>[]) {
      if (getFieldState(name).error?.type === 'server') clearErrors(name);
    }
  }, [date, time, clearErrors, getFieldState]);
}
