import { zodResolver } from '@hookform/resolvers/zod';
import type { ErrorDetail, FillResult, Role } from '@itb/contracts';
import { useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../../lib/form-errors';
import { newIdempotencyKey } from '../../../../lib/idempotency-key';
import { useRecordFill } from '../../api/record-fill';
import { programmedDoseAt, type PumpBasis } from '../../lib/pump-basis';
import { previewRefill } from '../../lib/refill-preview';
import { ChangeFormFooter, limitStateOf } from '../change-form-footer';
import { ChangeFormLayout, isStalePumpError } from '../change-form-layout';
import { RefillFields } from './refill-fields';
import { RefillChecks } from './refill-checks';
import {
  refillDefaults,
  refillFormSchema,
  toFillRequest,
  type RefillFormInput,
  type RefillFormOutput,
} from './refill-form-schema';
import { RefillPreviewPanel } from './refill-preview-panel';
import { useServerRefillCheck } from './use-server-refill-check';

const FIELDS: readonly FieldPath<RefillFormInput>[] = [
  'performedAt',
  'residualWithdrawnMl',
  'patientBolusesDeliveredMl',
  'volumeAddedMl',
  'reservoirVolumeAfterMl',
  'concentrationMcgPerMl',
  'dailyDoseMcg',
  'patientBolusMcgPerDay',
  'drugProduct',
  'lotNumber',
  'lotExpiresOn',
  'notes',
  'bridgeBolusMl',
  'primingBolusMl',
  'confirmShortInterval',
  'confirmRepeatRefill',
  'overrideReason',
];

interface RefillFormProps {
  patientId: string;
  /** The pump as it was when the form opened: the preview and the version sent come from it. */
  openedBasis: PumpBasis;
  role: Role;
  timeZone: string;
  onRecorded: (fill: FillResult) => void;
  onCancel: () => void;
  onReload: () => void;
  isReloading?: boolean;
}

export function RefillForm({
  patientId,
  openedBasis,
  role,
  timeZone,
  onRecorded,
  onCancel,
  onReload,
  isReloading,
}: RefillFormProps) {
  // Kept as opened: the chart refreshing after the save must not move the numbers under the form.
  const [basis] = useState(openedBasis);
  // One key per form instance, kept across retries: a save whose answer was lost is not recorded twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [currentDailyDoseMcg] = useState(() => programmedDoseAt(basis.drain, new Date()));
  const recordFill = useRecordFill({ patientId, pumpId: basis.pumpId });
  const [unmatchedDetails, setUnmatchedDetails] = useState<ErrorDetail[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors },
  } = useForm<RefillFormInput, unknown, RefillFormOutput>({
    resolver: zodResolver(refillFormSchema, { error: formErrorMap }),
    defaultValues: refillDefaults(basis, new Date()),
  });
  const values = useWatch({ control }) as RefillFormInput;
  const preview = previewRefill(basis, values, new Date());
  const serverCheck = useServerRefillCheck(basis.pumpId, values);
  const isBeyondLimit = preview.dose !== null && !preview.dose.check.isWithinLimit;
  const limitState = limitStateOf(isBeyondLimit, role);
  const isStale = isStalePumpError(recordFill.error);

  const onSubmit = handleSubmit((body) => {
    if (limitState === 'blocked') return;
    // The questions libs/domain says this refill must answer (the API refuses it otherwise).
    const needs = preview.assessment?.needs;
    let isUnanswered = false;
    if (needs?.primingBolusAnswer && !body.primingBolusAnswer) {
      setError('primingBolusAnswer', { type: 'required', message: 'Answer: was a priming bolus given?' });
      isUnanswered = true;
    }
    if (needs?.bridgeBolusAnswer && !body.bridgeBolusAnswer) {
      setError('bridgeBolusAnswer', { type: 'required', message: 'Answer: was a bridge bolus given?' });
      isUnanswered = true;
    }
    if (needs?.shortIntervalConfirmation && !body.confirmShortInterval) {
      setError('confirmShortInterval', { type: 'required', message: 'Confirm the short interval to save' });
      isUnanswered = true;
    }
    if (isBeyondLimit && !body.overrideReason) {
      setError('overrideReason', { type: 'required', message: 'is required above the titration limit' });
      isUnanswered = true;
    }
    if (isUnanswered) return;
    setUnmatchedDetails([]);
    recordFill.mutate(
      { body: { ...toFillRequest(body), pumpVersion: basis.pumpVersion }, idempotencyKey },
      {
        onSuccess: onRecorded,
        onError: (error) => {
          if (isStalePumpError(error)) return;
          setUnmatchedDetails(applyServerFieldErrors(error, setError, FIELDS));
        },
      },
    );
  });

  return (
    <ChangeFormLayout
      label="Record refill"
      onSubmit={onSubmit}
      error={recordFill.error}
      unmatchedDetails={unmatchedDetails}
      onReload={onReload}
      isReloading={isReloading}
      footer={
        <ChangeFormFooter
          limit={limitState}
          overrideReason={register('overrideReason')}
          overrideReasonError={errorText(errors.overrideReason)}
          submitLabel="Save refill"
          isSubmitting={recordFill.isPending}
          isSubmitDisabled={isStale}
          onCancel={onCancel}
        />
      }
      panel={
        <RefillPreviewPanel
          basis={basis}
          preview={preview}
          serverCheck={serverCheck}
          hasBolusAllowance={typeof values.patientBolusMcgPerDay === 'number' && values.patientBolusMcgPerDay > 0}
          timeZone={timeZone}
        />
      }
    >
      <RefillFields
        basis={basis}
        control={control}
        register={register}
        errors={errors}
        currentDailyDoseMcg={currentDailyDoseMcg}
        timeZone={timeZone}
      />
      <RefillChecks
        preview={preview}
        recentFill={serverCheck.status === 'answered' ? serverCheck.preview.checks.recentFill : null}
        alarmMl={basis.alarmMl}
        role={role}
        timeZone={timeZone}
        control={control}
        register={register}
        setValue={setValue}
        errors={errors}
      />
    </ChangeFormLayout>
  );
}
