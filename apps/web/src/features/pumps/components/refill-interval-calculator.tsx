import type { PumpResponse } from '@itb/contracts';
import { refillIntervalOptions } from '@itb/domain';
import { Alert, Badge, Button, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useState } from 'react';
import { useClinic } from '../../../lib/clinic';
import { formatDays, formatMcgPerDay, formatMl, formatMlPerDay, formatNumber } from '../../../lib/format';

const LIMIT_WORDS = { capacity: 'Reservoir too small', stability: 'Drug-stability limit' } as const;

function CalculatorBody({ pump, maxDrugDaysInPump }: { pump: PumpResponse; maxDrugDaysInPump: number }) {
  const [targetText, setTargetText] = useState('90');
  const target = Number(targetText);
  const isValid = Number.isInteger(target) && target >= 1 && target <= 365;
  const dose = pump.currentDailyDoseMcg ?? 0;
  const allowance = pump.currentFill?.patientBolusMcgPerDay ?? null;
  const options = isValid
    ? refillIntervalOptions({
        dailyDoseMcg: dose,
        patientBolusMcgPerDay: allowance,
        reservoirMl: pump.reservoirMl,
        alarmMl: pump.alarmMl,
        maxDrugDaysInPump,
        targetDays: target,
      })
    : [];
  const best = options.find((option) => option.reachesTarget);
  return (
    <Stack>
      <Text size="sm">
        At {formatMcgPerDay(dose)}
        {allowance ? ` with a ${formatMcgPerDay(allowance)} bolus allowance` : ''}, in a {formatMl(pump.reservoirMl)}{' '}
        reservoir with the alarm at {formatMl(pump.alarmMl)}; drug stable {formatDays(maxDrugDaysInPump)} in the pump.
        Nothing is saved.
      </Text>
      <TextInput
        label="Target interval (days)"
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        value={targetText}
        onChange={(event) => setTargetText(event.currentTarget.value)}
        error={isValid ? undefined : 'Enter whole days from 1 to 365'}
        w={200}
        data-autofocus
      />
      {isValid && (
        <>
          <Alert color={best ? 'clinic' : 'orange'} variant="light" data-testid="interval-advice">
            {best
              ? `${formatNumber(best.concentrationMcgPerMl, 0)} mcg/mL is the lowest concentration that lasts ${formatDays(target)}: fill ${formatMl(best.volumeToFillMl)}.`
              : `No stock concentration lasts ${formatDays(target)} in this pump; the longest is ${formatDays(Math.max(...options.map((o) => o.intervalDays)))}.`}
          </Alert>
          <Table aria-label="Refill interval by concentration" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Concentration</Table.Th>
                <Table.Th scope="col">Daily volume</Table.Th>
                <Table.Th scope="col">Fill</Table.Th>
                <Table.Th scope="col">Interval</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {options.map((option) => (
                <Table.Tr key={option.concentrationMcgPerMl} data-reaches={option.reachesTarget || undefined}>
                  <Table.Td>{formatNumber(option.concentrationMcgPerMl, 0)} mcg/mL</Table.Td>
                  <Table.Td>{formatMlPerDay(option.dailyVolumeMl)}</Table.Td>
                  <Table.Td>{formatMl(option.volumeToFillMl)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={option.reachesTarget ? 700 : 400}>
                      {formatDays(option.intervalDays)}
                    </Text>
                    {option.limitedBy && (
                      <Badge size="xs" variant="outline" color="gray.8">
                        {LIMIT_WORDS[option.limitedBy]}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

/**
 * The refill-interval calculator on the pump card (issue 14 item 5): for a target interval, the stock
 * concentration and volume that reach it within the pump's capacity and the drug-stability limit.
 */
export function RefillIntervalCalculator({ pump }: { pump: PumpResponse }) {
  const [opened, setOpened] = useState(false);
  const clinic = useClinic();
  if (pump.status !== 'active' || pump.currentDailyDoseMcg === null) return null;
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconCalculator size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        Refill-interval calculator
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Refill-interval calculator" size="lg">
        {opened &&
          (clinic.data ? (
            <CalculatorBody pump={pump} maxDrugDaysInPump={clinic.data.maxDrugDaysInPump} />
          ) : (
            <Text size="sm" c="dimmed" role="status">
              Loading the clinic’s drug-stability limit…
            </Text>
          ))}
      </Modal>
    </>
  );
}
