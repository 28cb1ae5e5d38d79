import { DOSE_REASON_LABELS, type DoseAdjustmentPreview } from '@itb/contracts';
import { Alert, Button, Card, DataList, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconArrowRight, IconChecklist } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDays, formatInstant, formatLocalDate, formatMcgPerDay, formatMlPerDay } from '../../../../lib/format';
import { PreviewRow } from '../preview-row';
import type { DoseChangeFormOutput } from './dose-change-form-schema';

interface SettingRow {
  setting: string;
  before: string;
  after: string;
}

function settingRows(preview: DoseAdjustmentPreview, timeZone: string): SettingRow[] {
  const { projectionBefore: before, projection: after } = preview;
  const daysToAlarm = (days: number) => (days < 0 ? 'Alarm reached' : formatDays(days));
  return [
    {
      setting: 'Daily dose',
      before: formatMcgPerDay(preview.previousDailyDoseMcg),
      after: formatMcgPerDay(preview.newDailyDoseMcg),
    },
    {
      setting: 'Daily volume',
      before: formatMlPerDay(before.dailyVolumeMl),
      after: formatMlPerDay(after.dailyVolumeMl),
    },
    {
      setting: 'Alarm date',
      before: formatInstant(before.alarmAt, timeZone),
      after: formatInstant(after.alarmAt, timeZone),
    },
    { setting: 'Days to alarm', before: daysToAlarm(before.daysToAlarm), after: daysToAlarm(after.daysToAlarm) },
    {
      setting: 'Empty date',
      before: formatInstant(before.emptyAt, timeZone),
      after: formatInstant(after.emptyAt, timeZone),
    },
    { setting: 'Refill-by date', before: formatLocalDate(before.refillBy), after: formatLocalDate(after.refillBy) },
  ];
}

interface DoseChangeConfirmationProps {
  preview: DoseAdjustmentPreview;
  request: DoseChangeFormOutput;
  orderedByName: string;
  timeZone: string;
  alert?: ReactNode;
  isSaving: boolean;
  isConfirmDisabled?: boolean;
  onBack: () => void;
  onConfirm: () => void;
}

/**
 * The finish screen of a pump programmer: every setting before → after, as the server computed it,
 * read and confirmed before anything is saved.
 */
export function DoseChangeConfirmation({
  preview,
  request,
  orderedByName,
  timeZone,
  alert,
  isSaving,
  isConfirmDisabled,
  onBack,
  onConfirm,
}: DoseChangeConfirmationProps) {
  const { doseCheck } = preview;
  return (
    <Card component="section" aria-labelledby="confirm-dose-title" maw={880}>
      <Group gap="sm" mb="xs">
        <IconChecklist size={24} aria-hidden color="var(--mantine-primary-color-filled)" />
        <Title order={2} size="h3" id="confirm-dose-title">
          Confirm the new programme
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Check every setting against the pump programmer before saving. Nothing is saved until you confirm.
      </Text>
      <Stack gap="md">
        {alert}
        <Table
          withTableBorder
          withColumnBorders={false}
          aria-label="Settings before and after"
          highlightOnHover={false}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Setting</Table.Th>
              <Table.Th scope="col">Before</Table.Th>
              <Table.Th scope="col" aria-hidden w={32} />
              <Table.Th scope="col">After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settingRows(preview, timeZone).map((row) => (
              <Table.Tr key={row.setting}>
                <Table.Th scope="row" fw={600}>
                  {row.setting}
                </Table.Th>
                <Table.Td>{row.before}</Table.Td>
                <Table.Td aria-hidden>
                  <IconArrowRight size={16} color="var(--mantine-color-dimmed)" />
                </Table.Td>
                <Table.Td fw={row.after !== row.before ? 700 : undefined}>{row.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <DataList size="sm" orientation="horizontal" labelWidth={160}>
          <PreviewRow label="Effective at">{formatInstant(request.effectiveAt, timeZone)}</PreviewRow>
          <PreviewRow label="Reason">{DOSE_REASON_LABELS[request.reason]}</PreviewRow>
          <PreviewRow label="Ordered by">{orderedByName}</PreviewRow>
          {request.overrideReason && <PreviewRow label="Override reason">{request.overrideReason}</PreviewRow>}
          {request.notes && <PreviewRow label="Notes">{request.notes}</PreviewRow>}
        </DataList>
        {!doseCheck.isWithinLimit && (
          <Alert color="red" variant="light" icon={<IconAlertOctagon aria-hidden />} title="Above the titration limit">
            {doseCheck.message}. It will be recorded with your override reason.
          </Alert>
        )}
        {preview.warnings.map((warning) => (
          <Alert key={warning} color="orange" variant="light" title="Warning">
            {warning}
          </Alert>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack} disabled={isSaving}>
            Back to edit
          </Button>
          <Button onClick={onConfirm} loading={isSaving} disabled={isConfirmDisabled}>
            Confirm and save
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
