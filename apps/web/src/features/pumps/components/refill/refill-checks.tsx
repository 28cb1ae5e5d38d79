import type { Role } from '@itb/contracts';
import { describeHours } from '@itb/domain';
import { Alert, Card, Checkbox, DataList, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertOctagonFilled, IconAlertTriangle, IconDroplet } from '@tabler/icons-react';
import {
  useController,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { errorText } from '../../../../lib/form-errors';
import { formatInstant, formatMcgPerDay, formatMcgPerMl, formatMl } from '../../../../lib/format';
import { toNullableNumber } from '../../../../lib/form-values';
import type { RefillPreview } from '../../lib/refill-preview';
import { DoseLimitNotice } from '../dose-limit-notice';
import { PreviewRow } from '../preview-row';
import type { RefillFormInput } from './refill-form-schema';

type Assessment = NonNullable<RefillPreview['assessment']>;

interface BolusQuestionProps {
  question: string;
  description: string;
  answerName: 'bridgeBolusAnswer' | 'primingBolusAnswer';
  volumeName: 'bridgeBolusMl' | 'primingBolusMl';
  control: Control<RefillFormInput>;
  register: UseFormRegister<RefillFormInput>;
  setValue: UseFormSetValue<RefillFormInput>;
  errors: FieldErrors<RefillFormInput>;
}

/** "Was a bridge bolus given?" No, or Yes with its volume: it must be answered before saving. */
function BolusQuestion({
  question,
  description,
  answerName,
  volumeName,
  control,
  register,
  setValue,
  errors,
}: BolusQuestionProps) {
  const {
    field: { value, onChange, ref },
    fieldState,
  } = useController({ control, name: answerName });
  return (
    <Stack gap="xs">
      <Radio.Group
        label={question}
        description={description}
        withAsterisk
        value={value ?? null}
        onChange={(answer) => {
          onChange(answer);
          if (answer === 'no') setValue(volumeName, null);
        }}
        error={errorText(fieldState.error)}
      >
        <Group gap="lg" mt={4}>
          <Radio value="no" label="No" ref={ref} />
          <Radio value="yes" label="Yes" />
        </Group>
      </Radio.Group>
      {value === 'yes' && (
        <TextInput
          label="Bolus volume (mL)"
          description="It is taken from the new fill"
          withAsterisk
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          maw={220}
          error={errorText(errors[volumeName])}
          {...register(volumeName, { setValueAs: toNullableNumber })}
        />
      )}
    </Stack>
  );
}

interface RefillChecksProps {
  preview: RefillPreview;
  /** The server's preview says the pump was filled minutes ago (a double entry?): confirm to save. */
  recentFill: string | null;
  alarmMl: number;
  role: Role;
  timeZone: string;
  control: Control<RefillFormInput>;
  register: UseFormRegister<RefillFormInput>;
  setValue: UseFormSetValue<RefillFormInput>;
  errors: FieldErrors<RefillFormInput>;
}

function WithoutDrugAlert({
  withoutDrug,
  timeZone,
}: {
  withoutDrug: NonNullable<Assessment['withoutDrug']>;
  timeZone: string;
}) {
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconAlertOctagonFilled aria-hidden />}
      title="The pump ran dry"
      data-testid="without-drug"
    >
      Empty since {formatInstant(withoutDrug.emptySince.toISOString(), timeZone)} —{' '}
      {describeHours(withoutDrug.hoursWithoutDrug)} without drug. Watch for withdrawal for 72 h after this refill.
    </Alert>
  );
}

function MixRows({ assessment, isBeyondLimit }: { assessment: Assessment; isBeyondLimit: boolean }) {
  const mix = assessment.mix!;
  return (
    <div data-testid="concentration-mix">
      <Text size="sm" mb="xs">
        Drug left in the reservoir mixes with the new fill: the pump delivers its programmed volume at the mixed
        concentration until the next refill.
      </Text>
      <DataList size="sm" orientation="horizontal" labelWidth={150}>
        <PreviewRow label="Left in reservoir" testId="preview-left">
          {formatMl(mix.leftMl)} of {formatMcgPerMl(mix.previousConcentrationMcgPerMl)}
        </PreviewRow>
        <PreviewRow label="Added" testId="preview-added">
          {formatMl(mix.addedMl)} of {formatMcgPerMl(mix.newConcentrationMcgPerMl)}
        </PreviewRow>
        <PreviewRow label="Mixed concentration" testId="preview-mixed-concentration">
          <Text span inherit fw={700}>
            {formatMcgPerMl(mix.mixedConcentrationMcgPerMl)}
          </Text>
        </PreviewRow>
        <PreviewRow label="Real dose" testId="preview-real-dose">
          <Text span inherit fw={700} c={isBeyondLimit ? 'red.9' : undefined}>
            {formatMcgPerDay(mix.realDailyDoseMcg)}
          </Text>
          <Text span size="xs" c="dimmed">
            {' '}
            programmed {formatMcgPerDay(assessment.newFill.fill.dailyDoseMcg)}
          </Text>
        </PreviewRow>
      </DataList>
    </div>
  );
}

/**
 * What the refill is checked for besides the residual (libs/domain assessRefill), and the questions it
 * must answer, kept in the form just above the save button so they are seen at every width: a dry
 * pump first, then a fill at the alarm volume, a concentration mix and its real dose, the dose limit
 * across the 24 h window, and a short interval.
 */
export function RefillChecks({
  preview,
  recentFill,
  alarmMl,
  role,
  timeZone,
  control,
  register,
  setValue,
  errors,
}: RefillChecksProps) {
  const assessment = preview.assessment;
  if (!assessment) return null;
  const isBeyondLimit = preview.dose !== null && !preview.dose.check.isWithinLimit;
  const { withoutDrug, mix, entry } = assessment;
  const hasAnything =
    withoutDrug !== null ||
    entry.isAtOrBelowAlarm ||
    assessment.isConcentrationChange ||
    preview.dose !== null ||
    entry.shortInterval !== null ||
    recentFill !== null;
  if (!hasAnything) return null;
  return (
    <Card component="section" aria-labelledby="refill-checks-title" data-testid="refill-checks">
      <Title order={2} size="h4" mb="md" id="refill-checks-title">
        Refill checks
      </Title>
      <Stack gap="md" aria-live="polite">
        {withoutDrug && <WithoutDrugAlert withoutDrug={withoutDrug} timeZone={timeZone} />}
        {withoutDrug && (
          <BolusQuestion
            question="Was a priming bolus given?"
            description="A priming bolus refills the catheter after a dry reservoir; it drains the new fill."
            answerName="primingBolusAnswer"
            volumeName="primingBolusMl"
            control={control}
            register={register}
            setValue={setValue}
            errors={errors}
          />
        )}
        {entry.isAtOrBelowAlarm && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertOctagonFilled aria-hidden />}
            title="At or below the alarm volume"
            data-testid="at-or-below-alarm"
          >
            The reservoir would hold {formatMl(assessment.volumeAfterMl)}, at or below its {formatMl(alarmMl)}{' '}
            low-reservoir alarm volume: the pump would alarm at once. This refill will be refused.
          </Alert>
        )}
        {mix && <MixRows assessment={assessment} isBeyondLimit={isBeyondLimit} />}
        {assessment.isConcentrationChange && (
          <BolusQuestion
            question="Was a bridge bolus given?"
            description="At a concentration change the catheter still holds the old concentration; a bridge bolus flushes it."
            answerName="bridgeBolusAnswer"
            volumeName="bridgeBolusMl"
            control={control}
            register={register}
            setValue={setValue}
            errors={errors}
          />
        )}
        {preview.dose && (
          <div>
            <Title order={3} size="h6" mb="xs">
              {mix ? 'Real dose change' : 'Dose change'}
            </Title>
            <DoseLimitNotice assessment={preview.dose} role={role} />
          </div>
        )}
        {entry.shortInterval && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Short refill interval"
            data-testid="short-interval"
          >
            <Text size="sm" mb="xs">
              {entry.shortInterval}.
            </Text>
            <Checkbox
              label="I confirm this short interval"
              error={errorText(errors.confirmShortInterval)}
              {...register('confirmShortInterval')}
            />
          </Alert>
        )}
        {recentFill && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Refilled minutes ago?"
            data-testid="recent-fill"
          >
            <Text size="sm" mb="xs">
              {recentFill}: this may be the same refill entered twice.
            </Text>
            <Checkbox
              label="This is a second refill, record it"
              error={errorText(errors.confirmRepeatRefill)}
              {...register('confirmRepeatRefill')}
            />
          </Alert>
        )}
        {!mix && assessment.isConcentrationChange && (
          <Text size="xs" c="dimmed">
            <IconDroplet size={12} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> Nothing is left in the
            reservoir, so the new concentration applies from the refill.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
