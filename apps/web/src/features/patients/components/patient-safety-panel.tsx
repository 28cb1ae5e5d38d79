import {
  AGE_BAND_LABELS,
  CAUTION_LABELS,
  INTERACTING_MEDICINE_LABELS,
  RISK_FACTOR_LABELS,
  type PatientResponse,
} from '@itb/contracts';
import { isOralBackupAboveUsualMax, ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY } from '@itb/domain';
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangleFilled,
  IconCalendarUser,
  IconPill,
  IconPills,
  IconShieldExclamation,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatMgPerDay } from '../../../lib/format';

function BadgeList({ items, color, icon }: { items: string[]; color: string; icon: ReactNode }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None recorded
      </Text>
    );
  }
  return (
    <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item}>
          <Badge color={color} leftSection={icon}>
            {item}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700} mb={6}>
        {label}
      </Text>
      {children}
    </div>
  );
}

/**
 * What changes how withdrawal or overdose is handled, at the top of the chart: the high-risk factors,
 * the clinical cautions, the interacting medicines, the age band derived from the birth date, and the
 * oral baclofen back-up (with a warning above the usual 80 mg/day maximum).
 */
export function PatientSafetyPanel({ patient }: { patient: PatientResponse }) {
  const backup = patient.oralBaclofenBackupMgPerDay;
  return (
    <Card component="section" aria-labelledby="safety-title">
      <Title order={2} size="h4" id="safety-title" mb="sm">
        Withdrawal and overdose safety
      </Title>
      <Stack gap="md">
        {patient.isHighRisk && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangleFilled aria-hidden />}
            title="High risk of baclofen withdrawal"
          >
            Risk factors: {patient.riskFactors.map((factor) => RISK_FACTOR_LABELS[factor]).join(', ')}.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <Item label="Cautions">
            <BadgeList
              items={patient.cautions.map((c) => CAUTION_LABELS[c])}
              color="orange.6"
              icon={<IconShieldExclamation size={12} aria-hidden />}
            />
          </Item>
          <Item label="Interacting medicines">
            <BadgeList
              items={patient.interactingMedicines.map((m) => INTERACTING_MEDICINE_LABELS[m])}
              color="grape.7"
              icon={<IconPills size={12} aria-hidden />}
            />
          </Item>
          <Item label="Age band">
            <Group gap={6}>
              <IconCalendarUser size={16} aria-hidden />
              <Text size="sm" data-testid="age-band">
                {patient.ageBand ? AGE_BAND_LABELS[patient.ageBand] : 'Adult (18-64)'}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              From the birth date
            </Text>
          </Item>
          <Item label="Oral baclofen back-up">
            <Group gap={6}>
              <IconPill size={16} aria-hidden />
              <Text size="sm">{backup !== null ? formatMgPerDay(backup) : 'None at home'}</Text>
            </Group>
            {isOralBackupAboveUsualMax(backup) && (
              <Text size="xs" c="orange.9" fw={600} mt={4}>
                Above the usual {ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY} mg/day maximum: a specialist decision
              </Text>
            )}
          </Item>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
