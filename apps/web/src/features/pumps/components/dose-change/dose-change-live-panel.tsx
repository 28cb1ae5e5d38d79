import type { Role } from '@itb/contracts';
import { Card, DataList, Divider, Stack, Text, Title } from '@mantine/core';
import {
  formatInstant,
  formatLocalDate,
  formatMcgPerDay,
  formatMlPerDay,
  formatSignedPercent,
} from '../../../../lib/format';
import type { DoseChangePreview } from '../../lib/dose-change-preview';
import type { PumpBasis } from '../../lib/pump-basis';
import { DoseLimitNotice } from '../dose-limit-notice';
import { TimingProblem } from '../timing-problem';
import { PreviewRow } from '../preview-row';

interface DoseChangeLivePanelProps {
  basis: PumpBasis;
  preview: DoseChangePreview;
  currentAlarmAt: string | null;
  currentRefillBy: string | null;
  role: Role;
  timeZone: string;
}

function Was({ children }: { children: string }) {
  return (
    <Text span size="xs" c="dimmed">
      {' '}
      (now {children})
    </Text>
  );
}

/** The limit check and the new dates, recomputed on every keystroke with the server's engine. */
export function DoseChangeLivePanel({
  basis,
  preview,
  currentAlarmAt,
  currentRefillBy,
  role,
  timeZone,
}: DoseChangeLivePanelProps) {
  const { assessment, projection } = preview;
  return (
    <Card component="section" aria-labelledby="dose-live-title" className="sticky-panel">
      <Title order={2} size="h4" id="dose-live-title">
        Limit check
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        Checked as you type: increases up to 30% (spinal origin) or 15% (cerebral or mixed), decreases up to 20%, per 24
        h.
      </Text>
      <Stack gap="md" aria-live="polite">
        <TimingProblem problem={preview.timingProblem} />
        {assessment ? (
          <>
            <DataList size="sm" orientation="horizontal" labelWidth={130}>
              <PreviewRow label="Daily dose" testId="dose-live-change">
                {formatMcgPerDay(assessment.fromDailyDoseMcg)} →{' '}
                <Text span inherit fw={700}>
                  {formatMcgPerDay(assessment.toDailyDoseMcg)}
                </Text>{' '}
                ({formatSignedPercent(assessment.check.changePct)})
              </PreviewRow>
            </DataList>
            <DoseLimitNotice assessment={assessment} role={role} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Enter the new daily dose and when it takes effect.
          </Text>
        )}
        {projection && (
          <>
            <Divider />
            <DataList size="sm" orientation="horizontal" labelWidth={130}>
              <PreviewRow label="Daily volume" testId="dose-live-daily-volume">
                {formatMlPerDay(projection.dailyVolumeMl)}
              </PreviewRow>
              <PreviewRow label="Alarm" testId="dose-live-alarm">
                {formatInstant(projection.alarmAt.toISOString(), timeZone)}
                {currentAlarmAt && <Was>{formatInstant(currentAlarmAt, timeZone)}</Was>}
              </PreviewRow>
              <PreviewRow label="Refill by" testId="dose-live-refill-by">
                <Text span inherit fw={700}>
                  {formatLocalDate(projection.refillBy)}
                </Text>
                {currentRefillBy && <Was>{formatLocalDate(currentRefillBy)}</Was>}
              </PreviewRow>
            </DataList>
            <Text size="xs" c="dimmed">
              Drains the fill of {formatInstant(basis.currentFill.performedAt, timeZone)} at the new rate from the
              effective time.
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
