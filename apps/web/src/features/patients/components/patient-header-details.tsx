import { AGE_BAND_LABELS, type PatientResponse } from '@itb/contracts';
import { Badge, Group, Text } from '@mantine/core';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import { ageInYears, formatLocalDate } from '../../../lib/format';
import { PatientStatusBadge } from './patient-status-badge';

/** The line under the patient's name: MRN, birth date and age, the derived age band, status, high-risk marker. */
export function PatientHeaderDetails({ patient, today }: { patient: PatientResponse; today: string }) {
  const age = ageInYears(patient.birthDate, today);
  return (
    <Group gap="md" mt={4} wrap="wrap">
      <Text size="sm" c="var(--mantine-color-text)">
        MRN{' '}
        <Text span ff="monospace" fw={600} inherit>
          {patient.mrn}
        </Text>
      </Text>
      <Text size="sm" c="var(--mantine-color-text)">
        Born {formatLocalDate(patient.birthDate)} ({age} {age === 1 ? 'year' : 'years'})
      </Text>
      {patient.ageBand && (
        <Badge color="indigo.7" variant="light">
          {AGE_BAND_LABELS[patient.ageBand]}
        </Badge>
      )}
      <PatientStatusBadge status={patient.status} />
      {patient.isHighRisk && <HighRiskBadge />}
    </Group>
  );
}
