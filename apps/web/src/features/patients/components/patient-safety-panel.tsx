import { CAUTION_LABELS, RISK_FACTOR_LABELS, type PatientResponse } from '@itb/contracts';
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangleFilled, IconPill, IconShieldExclamation } from '@tabler/icons-react';
import { formatMgPerDay } from '../../../lib/format';

/**
 * What changes how withdrawal or overdose is handled, at the top of the chart: the high-risk
 * factors, the clinical cautions and the oral baclofen back-up.
 */
export function PatientSafetyPanel({ patient }: { patient: PatientResponse }) {
  return (
    <Card component="section" aria-labelledby="safety-title">
      <Title order={2} size="h4" id="safety-title" mb="sm">
        Withdrawal safety
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <div>
            <Text size="sm" fw={700} mb={6}>
              Cautions
            </Text>
            {patient.cautions.length > 0 ? (
              <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {patient.cautions.map((caution) => (
                  <li key={caution}>
                    <Badge color="orange.6" leftSection={<IconShieldExclamation size={12} aria-hidden />}>
                      {CAUTION_LABELS[caution]}
                    </Badge>
                  </li>
                ))}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                None recorded
              </Text>
            )}
          </div>
          <div>
            <Text size="sm" fw={700} mb={6}>
              Oral baclofen back-up
            </Text>
            <Group gap={6}>
              <IconPill size={16} aria-hidden />
              <Text size="sm">
                {patient.oralBaclofenBackupMgPerDay !== null
                  ? formatMgPerDay(patient.oralBaclofenBackupMgPerDay)
                  : 'None at home'}
              </Text>
            </Group>
          </div>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
