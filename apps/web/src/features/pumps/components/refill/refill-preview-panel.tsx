import { Card, Divider, Stack, Text, Title } from '@mantine/core';
import type { PumpBasis } from '../../lib/pump-basis';
import type { RefillPreview } from '../../lib/refill-preview';
import { refillDisagreements } from '../../lib/server-agreement';
import { TimingProblem } from '../timing-problem';
import { ProjectionAfterRefill } from './projection-after-refill';
import { ResidualCheck } from './residual-check';
import { ServerCheck } from './server-check';
import type { ServerRefillCheck } from './use-server-refill-check';

const FIELD_LABELS: Record<string, string> = {
  performedAt: 'Refill performed at',
  residualWithdrawnMl: 'Residual withdrawn',
  patientBolusesDeliveredMl: 'Patient boluses reported by the controller',
  volumeAddedMl: 'Volume added',
  reservoirVolumeAfterMl: 'Volume in the reservoir after',
  concentrationMcgPerMl: 'Concentration',
  dailyDoseMcg: 'Daily dose',
  patientBolusMcgPerDay: 'Bolus allowance',
  drugProduct: 'Drug product',
  lotNumber: 'Lot number',
  lotExpiresOn: 'Lot expiry',
  notes: 'Notes',
  bridgeBolusMl: 'Bridge bolus',
  primingBolusMl: 'Priming bolus',
  confirmShortInterval: 'Short interval confirmation',
  confirmRepeatRefill: 'Second refill confirmation',
  overrideReason: 'Override reason',
};

interface RefillPreviewPanelProps {
  basis: PumpBasis;
  preview: RefillPreview;
  serverCheck: ServerRefillCheck;
  hasBolusAllowance: boolean;
  timeZone: string;
}

/** The refill's numbers beside the form, recomputed on every keystroke, then confirmed by the server. */
export function RefillPreviewPanel({
  basis,
  preview,
  serverCheck,
  hasBolusAllowance,
  timeZone,
}: RefillPreviewPanelProps) {
  const disagreements = serverCheck.status === 'answered' ? refillDisagreements(preview, serverCheck.preview) : [];
  return (
    <Card component="section" aria-labelledby="refill-preview-title" className="sticky-panel">
      <Title order={2} size="h4" id="refill-preview-title">
        Live preview
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        Computed as you type, with the reservoir engine the server uses. The refill checks and their questions are in
        the form, above the save button.
      </Text>
      <Stack gap="md" aria-live="polite">
        <TimingProblem problem={preview.timingProblem} />
        <div>
          <Title order={3} size="h6" mb="xs">
            Residual check
          </Title>
          <ResidualCheck
            residual={preview.residual}
            previousFillAt={basis.currentFill.performedAt}
            timeZone={timeZone}
          />
        </div>
        <Divider />
        <div>
          <Title order={3} size="h6" mb="xs">
            After this refill
          </Title>
          <ProjectionAfterRefill
            projection={preview.projection}
            alarmMl={basis.alarmMl}
            hasBolusAllowance={hasBolusAllowance}
            timeZone={timeZone}
          />
        </div>
        <Divider />
        <ServerCheck check={serverCheck} disagreements={disagreements} timeZone={timeZone} fieldLabels={FIELD_LABELS} />
      </Stack>
    </Card>
  );
}
