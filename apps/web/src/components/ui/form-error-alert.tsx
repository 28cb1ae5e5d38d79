import type { ErrorDetail } from '@itb/contracts';
import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { isApiError } from '../../lib/api-client';
import { humanizeMessage, submitErrorMessage } from '../../lib/form-errors';

/** Field-level failures read best beside their fields; the alert then only points at them. */
function generalMessage(error: unknown): string {
  if (isApiError(error) && error.details.length > 0 && ['VALIDATION_FAILED', 'RULE_VIOLATION'].includes(error.code)) {
    return 'Some entries need attention. Check the marked fields.';
  }
  return submitErrorMessage(error);
}

interface FormErrorAlertProps {
  error: unknown;
  /** Field errors that match no input on the form. */
  details?: ErrorDetail[];
  title?: string;
}

/** The general message of a failed submit; field messages show beside their inputs. */
export function FormErrorAlert({ error, details = [], title = 'Could not save' }: FormErrorAlertProps) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      {generalMessage(error)}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((detail) => (
            <List.Item key={`${detail.field}:${detail.message}`}>
              {detail.field}: {humanizeMessage(detail.message)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
