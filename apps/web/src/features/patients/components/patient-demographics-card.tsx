import { DIAGNOSIS_LABELS, type PatientResponse } from '@itb/contracts';
import { Card, DataList, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatInstantDate } from '../../../lib/format';
import { SEX_LABELS, SPASTICITY_ORIGIN_LABELS } from '../labels';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

const orDash = (value: string | null) =>
  value ?? (
    <Text span c="dimmed" size="sm">
      Not recorded
    </Text>
  );

/** How the patient hears about refills, or that they asked not to. */
function remindersText(patient: PatientResponse, timeZone: string): string {
  if (patient.remindersOptedOutAt) {
    return `None: opted out on ${formatInstantDate(patient.remindersOptedOutAt, timeZone)} (recorded by ${patient.remindersOptedOutByName ?? 'a former user'})`;
  }
  if (patient.reminderChannel === 'email' && patient.email) return 'By e-mail';
  return patient.postalAddress ? 'By printed letter' : 'By printed letter (no postal address recorded)';
}

export function PatientDemographicsCard({ patient, timeZone }: { patient: PatientResponse; timeZone: string }) {
  return (
    <Card component="section" aria-labelledby="demographics-title">
      <Title order={2} size="h3" id="demographics-title" mb="md">
        Demographics
      </Title>
      <DataList size="sm" orientation="horizontal" labelWidth={140}>
        <Item label="Sex">{SEX_LABELS[patient.sex]}</Item>
        <Item label="Diagnosis">{DIAGNOSIS_LABELS[patient.diagnosis]}</Item>
        <Item label="Spasticity origin">{SPASTICITY_ORIGIN_LABELS[patient.spasticityOrigin]}</Item>
        <Item label="Primary specialist">{orDash(patient.primarySpecialistName)}</Item>
        <Item label="Phone">{orDash(patient.phone)}</Item>
        <Item label="Emergency contact">{orDash(patient.emergencyContact)}</Item>
        <Item label="E-mail">{orDash(patient.email)}</Item>
        <Item label="Reminders">{remindersText(patient, timeZone)}</Item>
        <Item label="Added">{formatInstantDate(patient.createdAt, timeZone)}</Item>
      </DataList>
      {patient.notes && (
        <>
          <Text size="sm" fw={700} mt="md" mb={4}>
            Notes
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {patient.notes}
          </Text>
        </>
      )}
    </Card>
  );
}
