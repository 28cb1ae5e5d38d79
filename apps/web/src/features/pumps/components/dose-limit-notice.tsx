import type { Role } from '@itb/contracts';
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { formatMcgPerDay } from '../../../lib/format';
import type { DoseChangeAssessment } from '../lib/dose-change-assessment';

/** What a role may do about a change beyond the limit (DESIGN.md "Dose-change limits"). */
function beyondLimitAdvice(role: Role): string {
  return role === 'specialist'
    ? 'You may record it with a written override reason.'
    : 'Only a specialist may record this change: ask the ordering specialist to record it.';
}

/**
 * The titration-limit check of a new dose, in words, with an icon and a colour: within (green),
 * beyond (red), and a separate warning for a very high daily dose.
 */
export function DoseLimitNotice({ assessment, role }: { assessment: DoseChangeAssessment; role: Role }) {
  const { check, message, levelMessage, isAgainstEarlierDose, isChild, previousDailyDoseMcg } = assessment;
  // The message already names an earlier dose of the window; say why it is not the one just before.
  const basis = [
    isAgainstEarlierDose
      ? ` Limits hold over the 24 h before the change, across fills (the dose just before is ${formatMcgPerDay(previousDailyDoseMcg)}).`
      : '',
    isChild ? " The patient is under 18: the children's limit applies." : '',
  ].join('');
  return (
    <Stack gap="xs" data-testid="dose-limit-notice">
      {check.isWithinLimit ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Within the titration limit">
          <Text size="sm">
            {message}.{basis}
          </Text>
        </Alert>
      ) : (
        <Alert color="red" variant="light" icon={<IconAlertOctagon aria-hidden />} title="Above the titration limit">
          <Text size="sm">
            {message}.{basis} {beyondLimitAdvice(role)}
          </Text>
        </Alert>
      )}
      {levelMessage && (
        <Alert
          color={check.isAboveMaximumDose ? 'red' : 'orange'}
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={check.isAboveMaximumDose ? 'Probable entry error' : 'High daily dose'}
        >
          <Text size="sm">{levelMessage}.</Text>
        </Alert>
      )}
    </Stack>
  );
}
