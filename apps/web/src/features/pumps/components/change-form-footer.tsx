import type { Role } from '@itb/contracts';
import { Button, Card, Group, Text, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface ChangeFormFooterProps {
  /** Beyond the titration limit (DESIGN.md "Dose-change limits"): a specialist writes a reason, a nurse stops. */
  limit: 'within' | 'override' | 'blocked';
  overrideReason: UseFormRegisterReturn<'overrideReason'>;
  overrideReasonError: string | undefined;
  submitLabel: string;
  isSubmitting: boolean;
  isSubmitDisabled: boolean;
  onCancel: () => void;
}

/** The end of a refill or dose-change form: the override reason when one is needed, and the buttons. */
export function ChangeFormFooter({
  limit,
  overrideReason,
  overrideReasonError,
  submitLabel,
  isSubmitting,
  isSubmitDisabled,
  onCancel,
}: ChangeFormFooterProps) {
  return (
    <>
      {limit === 'override' && (
        <Card>
          <Textarea
            label="Override reason"
            description="Required to go beyond the titration limit; kept in the audit log."
            withAsterisk
            autosize
            minRows={2}
            error={overrideReasonError}
            {...overrideReason}
          />
        </Card>
      )}
      {limit === 'blocked' && (
        <Text size="sm" c="red.9" ta="right" data-testid="blocked-for-role">
          <IconLock size={14} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> Above the titration limit: only a
          specialist may record this dose.
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={isSubmitting} disabled={isSubmitDisabled || limit === 'blocked'}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

/** Which footer a role gets for a change within or beyond the limit. */
export const limitStateOf = (isBeyondLimit: boolean, role: Role): ChangeFormFooterProps['limit'] =>
  !isBeyondLimit ? 'within' : role === 'specialist' ? 'override' : 'blocked';
