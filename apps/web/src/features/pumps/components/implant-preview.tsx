import type { ClinicResponse } from '@itb/contracts';
import { entryCheck, project, resolvePumpVolumes, PUMP_MODELS, type PumpModel } from '@itb/domain';
import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalculator } from '@tabler/icons-react';
import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { formatDays, formatInstant, formatLocalDate, formatMlPerDay } from '../../../lib/format';
import type { ImplantFormInput } from './implant-form-schema';

const isPositive = (value: unknown): value is number => typeof value === 'number' && value > 0;
const isPumpModel = (value: unknown): value is PumpModel =>
  typeof value === 'string' && (PUMP_MODELS as readonly string[]).includes(value);

interface ImplantPreviewProps {
  control: Control<ImplantFormInput>;
  register: UseFormRegister<ImplantFormInput>;
  /** The server's error on the short-interval confirmation, if any. */
  confirmError: string | undefined;
  clinic: ClinicResponse;
}

/**
 * A live preview of the first fill's projection, computed by the same engine as the API, with its entry
 * check (DESIGN.md "Entry checks"): an alarm under 14 days away must be confirmed.
 */
export function ImplantPreview({ control, register, confirmError, clinic }: ImplantPreviewProps) {
  const [model, reservoirMl, alarmMl, fill] = useWatch({
    control,
    name: ['model', 'reservoirMl', 'alarmMl', 'initialFill'],
  });
  const performedAt = fill?.performedAt ? new Date(fill.performedAt) : undefined;
  if (
    !isPumpModel(model) ||
    !performedAt ||
    Number.isNaN(performedAt.getTime()) ||
    !isPositive(fill?.volumeAddedMl) ||
    !isPositive(fill?.concentrationMcgPerMl) ||
    !isPositive(fill?.dailyDoseMcg)
  ) {
    return null;
  }
  const volumes = resolvePumpVolumes(model, { reservoirMl, alarmMl });
  const isPlausible =
    !('missing' in volumes) && fill.volumeAddedMl > volumes.alarmMl && fill.volumeAddedMl <= volumes.reservoirMl;
  if (!isPlausible) return null;

  const now = new Date();
  const projection = project(
    {
      fill: {
        performedAt,
        reservoirVolumeAfterMl: fill.volumeAddedMl,
        concentrationMcgPerMl: fill.concentrationMcgPerMl,
        dailyDoseMcg: fill.dailyDoseMcg,
      },
    },
    volumes.alarmMl,
    clinic,
    now,
  );

  const { shortInterval } = entryCheck({
    fillAt: performedAt,
    volumeAfterMl: fill.volumeAddedMl,
    alarmMl: volumes.alarmMl,
    projection,
    timeZone: clinic.timeZone,
  });

  return (
    <Stack gap="sm">
      <Alert color="clinic" variant="light" icon={<IconCalculator aria-hidden />} title="Projection from this fill">
        <Text size="sm">
          Drains {formatMlPerDay(projection.dailyVolumeMl)}. Alarm volume reached{' '}
          {formatInstant(projection.alarmAt.toISOString(), clinic.timeZone)}
          {projection.daysToAlarm >= 0 ? ` (in ${formatDays(projection.daysToAlarm)})` : ' (already passed)'}. Refill by{' '}
          <strong>{formatLocalDate(projection.refillBy)}</strong>.
        </Text>
      </Alert>
      {shortInterval && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Short refill interval">
          <Text size="sm" mb="xs">
            {shortInterval}.
          </Text>
          <Checkbox
            label="I confirm this short interval"
            error={confirmError}
            {...register('initialFill.confirmShortInterval')}
          />
        </Alert>
      )}
    </Stack>
  );
}
