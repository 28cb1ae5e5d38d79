import { zodResolver } from '@hookform/resolvers/zod';
import type { DoseAdjustmentPreview, DoseAdjustmentResult, ErrorDetail, Role } from '@itb/contracts';
import { useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { FormErrorAlert } from '../../../../components/ui/form-error-alert';
import { applyServerFieldErrors, errorText, formErrorMap } from '../../../../lib/form-errors';
import { newIdempotencyKey } from '../../../../lib/idempotency-key';
import { usePreviewDoseAdjustment } from '../../api/preview-dose-adjustment';
import { useRecordDoseAdjustment } from '../../api/record-dose-adjustment';
import { previewDoseChange } from '../../lib/dose-change-preview';
import { programmedDoseAt, type PumpBasis } from '../../lib/pump-basis';
import { ChangeFormFooter, limitStateOf } from '../change-form-footer';
import { ChangeFormLayout, isStalePumpError } from '../change-form-layout';
import { StalePumpAlert } from '../stale-pump-alert';
import { DoseChangeConfirmation } from './dose-change-confirmation';
import { DoseChangeFields, type SpecialistOption } from './dose-change-fields';
import {
  doseChangeDefaults,
  doseChangeFormSchema,
  type DoseChangeFormInput,
  type DoseChangeFormOutput,
} from './dose-change-form-schema';
import { DoseChangeLivePanel } from './dose-change-live-panel';

const FIELDS: readonly FieldPath<DoseChangeFormInput>[] = [
  'newDailyDoseMcg',
  'effectiveAt',
  'reason',
  'orderedById',
  'notes',
  'overrideReason',
];

interface DoseChangeFormProps {
  patientId: string;
  /** The pump as it was when the form opened: the checks and the version sent come from it. */
  openedBasis: PumpBasis;
  role: Role;
  timeZone: string;
  specialists: SpecialistOption[];
  defaultOrderedById: string;
  currentAlarmAt: string | null;
  currentRefillBy: string | null;
  onRecorded: (result: DoseAdjustmentResult) => void;
  onCancel: () => void;
  onReload: () => void;
  isReloading?: boolean;
}

/** Edit the new programme with a live limit check, then confirm every setting before → after. */
export function DoseChangeForm(props: DoseChangeFormProps) {
  const { patientId, openedBasis, role, timeZone, specialists, onRecorded, onCancel, onReload, isReloading } = props;
  const [basis] = useState(openedBasis);
  // One key per form instance, kept across retries: a save whose answer was lost is not recorded twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [currentDailyDoseMcg] = useState(() => programmedDoseAt(basis.drain, new Date()));
  const [review, setReview] = useState<{ preview: DoseAdjustmentPreview; request: DoseChangeFormOutput } | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [unmatchedDetails, setUnmatchedDetails] = useState<ErrorDetail[]>([]);
  const previewChange = usePreviewDoseAdjustment(basis.pumpId);
  const recordChange = useRecordDoseAdjustment({ patientId, pumpId: basis.pumpId });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<DoseChangeFormInput, unknown, DoseChangeFormOutput>({
    resolver: zodResolver(doseChangeFormSchema, { error: formErrorMap }),
    defaultValues: doseChangeDefaults(new Date(), props.defaultOrderedById, basis.lastChangeAt),
  });
  const values = useWatch({ control }) as DoseChangeFormInput;
  const live = previewDoseChange(basis, values, new Date());
  const isBeyondLimit = live.assessment !== null && !live.assessment.check.isWithinLimit;
  const limitState = limitStateOf(isBeyondLimit, role);
  const isStale = isStalePumpError(submitError);

  const showError = (error: unknown) => {
    setSubmitError(error);
    if (isStalePumpError(error)) return;
    setReview(null);
    setUnmatchedDetails(applyServerFieldErrors(error, setError, FIELDS));
  };

  const onReview = handleSubmit((request) => {
    if (limitState === 'blocked') return;
    if (isBeyondLimit && !request.overrideReason) {
      setError('overrideReason', { type: 'required', message: 'is required above the titration limit' });
      return;
    }
    setSubmitError(null);
    setUnmatchedDetails([]);
    previewChange.mutate(request, { onSuccess: (preview) => setReview({ preview, request }), onError: showError });
  });

  const onConfirm = () => {
    if (!review) return;
    setSubmitError(null);
    recordChange.mutate(
      { body: { ...review.request, pumpVersion: basis.pumpVersion }, idempotencyKey },
      { onSuccess: onRecorded, onError: showError },
    );
  };

  const staleAlert = isStale ? <StalePumpAlert onReload={onReload} isReloading={isReloading} /> : undefined;
  if (review) {
    return (
      <DoseChangeConfirmation
        preview={review.preview}
        request={review.request}
        orderedByName={specialists.find((s) => s.id === review.request.orderedById)?.name ?? 'Unknown'}
        timeZone={timeZone}
        alert={staleAlert ?? (submitError ? <FormErrorAlert error={submitError} /> : undefined)}
        isSaving={recordChange.isPending}
        isConfirmDisabled={isStale}
        onBack={() => setReview(null)}
        onConfirm={onConfirm}
      />
    );
  }
  return (
    <ChangeFormLayout
      label="Change dose"
      onSubmit={onReview}
      error={submitError}
      unmatchedDetails={unmatchedDetails}
      onReload={onReload}
      isReloading={isReloading}
      footer={
        <ChangeFormFooter
          limit={limitState}
          overrideReason={register('overrideReason')}
          overrideReasonError={errorText(errors.overrideReason)}
          submitLabel="Review change"
          isSubmitting={previewChange.isPending}
          isSubmitDisabled={isStale}
          onCancel={onCancel}
        />
      }
      panel={
        <DoseChangeLivePanel
          basis={basis}
          preview={live}
          currentAlarmAt={props.currentAlarmAt}
          currentRefillBy={props.currentRefillBy}
          role={role}
          timeZone={timeZone}
        />
      }
    >
      <DoseChangeFields
        control={control}
        register={register}
        errors={errors}
        currentDailyDoseMcg={currentDailyDoseMcg}
        specialists={specialists}
        timeZone={timeZone}
      />
    </ChangeFormLayout>
  );
}
