import type { ErrorDetail } from '@itb/contracts';
import { Grid, Stack } from '@mantine/core';
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
  /** The live preview shown beside the form (below it on narrow screens). */
  panel: ReactNode;
  children: ReactNode;
}

/** A refill or dose-change form with its live preview beside it. */
export function ChangeFormLayout({
  label,
  onSubmit,
  error,
  unmatchedDetails,
  onReload,
  isReloading,
  panel,
  children,
}: ChangeFormLayoutProps) {
  const hasError = error !== null && error !== undefined;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={onSubmit} noValidate aria-label={label}>
          <Stack gap="lg">
            {hasError && isStalePumpError(error) && <StalePumpAlert onReload={onReload} isReloading={isReloading} />}
            {hasError && !isStalePumpError(error) && <FormErrorAlert error={error} details={unmatchedDetails} />}
            {children}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>{panel}</Grid.Col>
    </Grid>
  );
}
