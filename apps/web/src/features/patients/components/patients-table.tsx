import { DIAGNOSIS_LABELS, type PatientSummary } from '@itb/contracts';
import { Anchor, Group, Skeleton, Stack, Table, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { HighRiskBadge } from '../../../components/ui/high-risk-badge';
import { formatLocalDate, formatPatientName } from '../../../lib/format';
import { PatientStatusBadge } from './patient-status-badge';

const COLUMNS = ['MRN', 'Name', 'Birth date', 'Diagnosis', 'Status'] as const;

function TableHead() {
  return (
    <Table.Thead>
      <Table.Tr>
        {COLUMNS.map((column) => (
          <Table.Th key={column} scope="col">
            {column}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

interface PatientsTableProps {
  patients: PatientSummary[];
  getPatientHref: (patientId: string) => string;
}

export function PatientsTable({ patients, getPatientHref }: PatientsTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Patients">
        <TableHead />
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {patient.mrn}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={getPatientHref(patient.id)} fw={600}>
                    {formatPatientName(patient)}
                  </Anchor>
                  {patient.isHighRisk && <HighRiskBadge size="sm" />}
                </Group>
              </Table.Td>
              <Table.Td>{formatLocalDate(patient.birthDate)}</Table.Td>
              <Table.Td>{DIAGNOSIS_LABELS[patient.diagnosis]}</Table.Td>
              <Table.Td>
                <PatientStatusBadge status={patient.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows while the first page loads; not a table, so it never answers for the real one. */
export function PatientsTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="md" role="status" py="xs">
      <VisuallyHidden>Loading the patient list</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        <Group key={row} gap="lg" wrap="nowrap" aria-hidden>
          <Skeleton height={14} radius="sm" w="10%" />
          <Skeleton height={14} radius="sm" w="30%" />
          <Skeleton height={14} radius="sm" w="15%" />
          <Skeleton height={14} radius="sm" w="20%" />
          <Skeleton height={14} radius="sm" w="10%" />
        </Group>
      ))}
    </Stack>
  );
}
