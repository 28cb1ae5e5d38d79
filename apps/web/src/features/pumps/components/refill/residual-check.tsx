import { DELIVERY_ERROR_ALERT_PCT, DISCREPANCY_ALERT_ML } from '@itb/domain';
import { Alert, Badge, DataList, Text } from '@mantine/core';
import { IconAlertOctagonFilled, IconCircleCheck } from '@tabler/icons-react';
import { formatInstantDate, formatMl, formatSignedMl, formatSignedPercent } from '../../../../lib/format';
import type { RefillPreview } from '../../lib/refill-preview';
import { PreviewRow } from '../preview-row';

type Residual = NonNullable<RefillPreview['residual']>;

const FINDING_TEXT = {
  over_infusion: {
    title: 'Residual discrepancy: possible over-infusion',
    body: 'Less drug is left than the programme explains: the pump may have delivered more than programmed. Investigate before the patient leaves.',
  },
  under_delivery: {
    title: 'Residual discrepancy: possible under-delivery',
    body: 'More drug is left than expected: a stalled pump or a catheter problem can cause withdrawal. Investigate before the patient leaves.',
  },
} as const;

function FindingNotice({ residual }: { residual: Residual }) {
  switch (residual.finding) {
    case 'within_tolerance':
      return (
        <Badge color="green" variant="light" leftSection={<IconCircleCheck size={12} aria-hidden />}>
          Within tolerance
        </Badge>
      );
    case 'not_assessable':
      return (
        <Text size="xs" c="dimmed">
          The previous fill was expected to deliver nothing yet, so no delivery error is computed.
        </Text>
      );
    case 'over_infusion':
    case 'under_delivery':
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertOctagonFilled aria-hidden />}
          title={FINDING_TEXT[residual.finding].title}
          data-testid="residual-alert"
        >
          <Text size="sm">{FINDING_TEXT[residual.finding].body}</Text>
        </Alert>
      );
  }
}

interface ResidualCheckProps {
  residual: Residual | null;
  previousFillAt: string;
  timeZone: string;
}

/** The residual withdrawn against what the current fill should have left (DESIGN.md "Expected residual"). */
export function ResidualCheck({ residual, previousFillAt, timeZone }: ResidualCheckProps) {
  if (!residual) {
    return (
      <Text size="sm" c="dimmed">
        Enter the refill time, the residual withdrawn and the volume added to compare what the pump held with what the
        programme should have left.
      </Text>
    );
  }
  const isDiscrepant = residual.finding === 'over_infusion' || residual.finding === 'under_delivery';
  const alertColor = isDiscrepant ? 'red.9' : undefined;
  return (
    <>
      <DataList size="sm" orientation="horizontal" labelWidth={150} mb="sm">
        <PreviewRow label="Residual found" testId="preview-residual-found">
          {formatMl(residual.residualFoundMl)}
          {residual.leftInReservoirMl > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}
              withdrawn + {formatMl(residual.leftInReservoirMl)} left in the reservoir
            </Text>
          )}
        </PreviewRow>
        <PreviewRow label="Expected residual" testId="preview-expected-residual">
          {formatMl(residual.expectedResidualMl)}
          <Text span size="xs" c="dimmed">
            {' '}
            left by the programme since the fill of {formatInstantDate(previousFillAt, timeZone)} (the bolus allowance
            is not counted; reported patient boluses are)
          </Text>
        </PreviewRow>
        <PreviewRow label="Discrepancy" testId="preview-discrepancy">
          <Text span inherit c={alertColor} fw={isDiscrepant ? 700 : undefined}>
            {formatSignedMl(residual.discrepancyMl)}
          </Text>
        </PreviewRow>
        <PreviewRow label="Delivery error" testId="preview-delivery-error">
          <Text span inherit c={alertColor} fw={isDiscrepant ? 700 : undefined}>
            {residual.deliveryErrorPct === null ? 'Not computed' : formatSignedPercent(residual.deliveryErrorPct)}
          </Text>
        </PreviewRow>
      </DataList>
      <FindingNotice residual={residual} />
      <Text size="xs" c="dimmed" mt="xs">
        Flagged beyond {DELIVERY_ERROR_ALERT_PCT}% delivery error with at least {formatMl(DISCREPANCY_ALERT_ML)}{' '}
        unaccounted for.
      </Text>
    </>
  );
}
