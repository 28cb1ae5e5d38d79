import { STOCK_CONCENTRATIONS_MCG_PER_ML } from '@itb/contracts';
import { NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { errorText } from '../../../lib/form-errors';
import { formatNumber } from '../../../lib/format';
import { toOptionalNumber } from '../../../lib/form-values';

const CUSTOM = 'custom';
const isStock = (value: unknown): value is number =>
  typeof value === 'number' && (STOCK_CONCENTRATIONS_MCG_PER_ML as readonly number[]).includes(value);

const OPTIONS = [
  { value: '', label: 'Select…' },
  ...STOCK_CONCENTRATIONS_MCG_PER_ML.map((c) => ({ value: String(c), label: `${formatNumber(c, 0)} mcg/mL` })),
  { value: CUSTOM, label: 'Custom concentration' },
];

/** A stock concentration from the list, or a custom (compounded) one typed in. */
export function ConcentrationField<T extends FieldValues>({
  control,
  name,
}: {
  control: Control<T>;
  name: FieldPath<T>;
}) {
  const {
    field: { ref, value, onBlur, onChange },
    fieldState,
  } = useController({ control, name });
  const [isCustom, setIsCustom] = useState(() => value !== undefined && !isStock(value));
  const selectValue = isCustom ? CUSTOM : isStock(value) ? String(value) : '';
  const error = errorText(fieldState.error);

  return (
    <>
      <NativeSelect
        label="Concentration (mcg/mL)"
        withAsterisk
        data={OPTIONS}
        value={selectValue}
        onBlur={onBlur}
        ref={isCustom ? undefined : ref}
        error={isCustom ? undefined : error}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setIsCustom(next === CUSTOM);
          onChange(next === CUSTOM || next === '' ? undefined : Number(next));
        }}
      />
      {isCustom && (
        <TextInput
          label="Custom strength (mcg/mL)"
          withAsterisk
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          ref={ref}
          value={typeof value === 'number' ? value : ''}
          onBlur={onBlur}
          onChange={(event) => onChange(toOptionalNumber(event.currentTarget.value))}
          error={error}
        />
      )}
    </>
  );
}
