import type { ErrorDetail } from '@itb/contracts';
import { Grid, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEventHandler, ReactNode } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { isApiError } from '../../../lib/api-client';
import { StalePumpAlert } from './stale-pump-alert';

export const isStalePumpError = (error: unknown): boolean => isApiError(error) && error.code === 'STALE_VERSION';

interface ChangeFormLayoutProps {
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The last failed save: a 409 asks for a reload, anything else shows beside the fields and above them. */
  error: unknown;
  unmatchedDetails: ErrorDetail[];
  onReload: () => void;
  isReloading?: boolean;
  /** The live preview: beside the form on a desk, above the save button on a phone or tablet. */
  panel: ReactNode;
  /** The fields and the checks. */
  children: ReactNode;
  /** The override reason and the save and cancel buttons, always last. */
  footer: ReactNode;
}

/**
 * A refill or dose-change form with its live preview. Below the `lg` breakpoint the columns stack, and a
 * preview after the form would put the new dates and the residual check below the save button; there it
 * goes between the checks and the footer instead, so a nurse sees them before saving.
 */
export function ChangeFormLayout({
  label,
  onSubmit,
  error,
  unmatchedDetails,
  onReload,
  isReloading,
  panel,
  children,
  footer,
}: ChangeFormLayoutProps) {
  const hasError = error !== null && error !== undefined;
  const isStacked = useMediaQuery('(max-width: 74.99em)');
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={onSubmit} noValidate aria-label={label}>
          <Stack gap="lg">
            {hasError && isStalePumpError(error) && <StalePumpAlert onReload={onReload} isReloading={isReloading} />}
            {hasError && !isStalePumpError(error) && <FormErrorAlert error={error} details={unmatchedDetails} />}
            {children}
            {isStacked && panel}
            {footer}
          </Stack>
        </form>
      </Grid.Col>
      {!isStacked && <Grid.Col span={{ base: 12, lg: 5 }}>{panel}</Grid.Col>}
    </Grid>
  );
}
