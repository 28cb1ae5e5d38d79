import type { AppointmentResponse } from '@itb/contracts';
import { ActionIcon, Alert, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import {
  IconAlertCircle,
  IconCalendarTime,
  IconDots,
  IconDropletPlus,
  IconLogin2,
  IconUserOff,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { useClinic } from '../../../lib/clinic';
import { formatLocalDateWithWeekday } from '../../../lib/clinic-time';
import { todayIn } from '../../../lib/format';
import { humanizeMessage, submitErrorMessage } from '../../../lib/form-errors';
import { useUpdateAppointmentStatus } from '../api/update-appointment-status';
import {
  ACTION_LABELS,
  ACTION_STATUS,
  actionsFor,
  type AppointmentAction,
  type StatusAction,
} from '../lib/appointment-display';
import { RescheduleAppointmentModal } from './reschedule-appointment-modal';

const ACTION_ICONS: Record<AppointmentAction, Icon> = {
  check_in: IconLogin2,
  no_show: IconUserOff,
  reschedule: IconCalendarTime,
  cancel: IconX,
};

/** A refusal in the server's own words: "Cannot be marked arrived before the appointment's day". */
export function refusalText(error: unknown): string {
  if (isApiError(error) && error.code === 'RULE_VIOLATION' && error.details[0]) {
    return humanizeMessage(error.details[0].message);
  }
  return submitErrorMessage(error);
}

type ConfirmedAction = Exclude<StatusAction, 'check_in'>;

const CONFIRM_TEXT: Record<ConfirmedAction, { title: string; body: string; button: string }> = {
  no_show: {
    title: 'Mark as no-show?',
    body: 'The patient did not come. A missed refill raises a flag until the pump is refilled.',
    button: 'Mark no-show',
  },
  cancel: {
    title: 'Cancel this appointment?',
    body: 'The slot is freed; a refill that is due shows as not booked in the queue again.',
    button: 'Cancel appointment',
  },
};

interface AppointmentActionsProps {
  appointment: AppointmentResponse;
  /** Buttons in a row (the day view) or one menu (the narrow week columns). */
  layout: 'inline' | 'menu';
  /** The refill form, offered once a refill appointment is checked in. */
  recordRefillHref?: string;
}

/**
 * Check in, no-show, move and cancel, as the status allows; a cancellation says why. The server's
 * refusal is shown as it says it.
 */
export function AppointmentActions({ appointment, layout, recordRefillHref }: AppointmentActionsProps) {
  const update = useUpdateAppointmentStatus();
  const clinic = useClinic();
  const [confirming, setConfirming] = useState<ConfirmedAction | null>(null);
  const [moving, setMoving] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failedAction, setFailedAction] = useState<StatusAction | null>(null);
  // Moving needs the clinic's hours and zone; until they load, the other actions stand alone.
  const actions = actionsFor(appointment.status).filter((action) => action !== 'reschedule' || clinic.data);
  // A checked-in refill goes on to the refill form, which fulfils the appointment when saved.
  const isOpenRefill = appointment.type === 'refill' && appointment.status === 'arrived';
  const who = appointment.patientName;

  const closeConfirm = () => {
    setConfirming(null);
    setReason('');
    setReasonError(null);
  };
  const run = (action: StatusAction) => {
    const why = reason.trim();
    if (action === 'cancel' && !why) {
      setReasonError('Say why it is cancelled');
      return;
    }
    closeConfirm();
    setFailedAction(null);
    update.mutate(
      {
        id: appointment.id,
        version: appointment.version,
        status: ACTION_STATUS[action],
        ...(action === 'cancel' ? { reason: why } : {}),
      },
      { onError: () => setFailedAction(action) },
    );
  };
  const choose = (action: AppointmentAction) => {
    if (action === 'reschedule') setMoving(true);
    else if (action === 'check_in') run(action);
    else setConfirming(action);
  };

  if (actions.length === 0 && !(isOpenRefill && recordRefillHref)) return null;

  const refillLink = isOpenRefill && recordRefillHref && (
    <Button
      component={Link}
      to={recordRefillHref}
      size="xs"
      variant="filled"
      leftSection={<IconDropletPlus size={14} aria-hidden />}
    >
      Record refill
    </Button>
  );

  return (
    <Stack gap="xs" className="no-print">
      {layout === 'inline' ? (
        <Group gap="xs">
          {actions.map((action) => {
            const ActionIconGlyph = ACTION_ICONS[action];
            return (
              <Button
                key={action}
                size="xs"
                variant={action === 'check_in' ? 'filled' : action === 'cancel' ? 'subtle' : 'default'}
                color={action === 'cancel' ? 'red' : undefined}
                // Mantine caps a subtle button's text at shade 6, too light on a tinted card (axe contrast).
                c={action === 'cancel' ? 'red.9' : undefined}
                leftSection={<ActionIconGlyph size={14} aria-hidden />}
                loading={
                  action !== 'reschedule' && update.isPending && update.variables.status === ACTION_STATUS[action]
                }
                disabled={update.isPending}
                onClick={() => choose(action)}
              >
                {ACTION_LABELS[action]}
              </Button>
            );
          })}
          {refillLink}
        </Group>
      ) : (
        <Group gap="xs" justify="space-between" wrap="nowrap">
          {refillLink || <span />}
          {actions.length > 0 && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" aria-label={`Actions for ${who}`} loading={update.isPending}>
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.map((action) => {
                  const ActionIconGlyph = ACTION_ICONS[action];
                  return (
                    <Menu.Item
                      key={action}
                      leftSection={<ActionIconGlyph size={14} aria-hidden />}
                      color={action === 'cancel' ? 'red.9' : undefined}
                      onClick={() => choose(action)}
                    >
                      {ACTION_LABELS[action]}
                    </Menu.Item>
                  );
                })}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      )}

      {update.isError && failedAction && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          title={`${ACTION_LABELS[failedAction]} refused`}
          role="alert"
          p="xs"
        >
          <Text size="sm">{refusalText(update.error)}</Text>
        </Alert>
      )}

      <Modal
        opened={confirming !== null}
        onClose={closeConfirm}
        title={confirming ? CONFIRM_TEXT[confirming].title : ''}
        size="sm"
      >
        {confirming && (
          <Stack>
            <Text size="sm">
              {who}, {formatLocalDateWithWeekday(appointment.startsOn)}. {CONFIRM_TEXT[confirming].body}
            </Text>
            {confirming === 'cancel' && (
              <Textarea
                label="Reason"
                withAsterisk
                description="Kept on the appointment and in the audit log"
                autosize
                minRows={2}
                maxLength={500}
                value={reason}
                error={reasonError}
                onChange={(event) => {
                  setReason(event.currentTarget.value);
                  setReasonError(null);
                }}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeConfirm} data-autofocus>
                Keep it
              </Button>
              <Button color={confirming === 'cancel' ? 'red.9' : undefined} onClick={() => run(confirming)}>
                {CONFIRM_TEXT[confirming].button}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {clinic.data && (
        <RescheduleAppointmentModal
          target={moving ? { appointment } : null}
          clinic={clinic.data}
          today={todayIn(clinic.data.timeZone)}
          onClose={() => setMoving(false)}
        />
      )}
    </Stack>
  );
}
