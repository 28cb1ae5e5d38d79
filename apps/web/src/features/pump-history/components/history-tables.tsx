import type { ReservoirHistoryResponse } from '@itb/contracts';
import { Box, Stack, Table, Text } from '@mantine/core';
import {
  formatInstant,
  formatMcgPerDay,
  formatMcgPerMl,
  formatMl,
  formatMlPerDay,
  formatSignedMl,
  formatSignedPercent,
} from '../../../lib/format';
import classes from './pump-history.module.css';

const orDash = (value: number | null, format: (v: number) => string) => (value === null ? '—' : format(value));

function FillsTable({ history, timeZone }: { history: ReservoirHistoryResponse; timeZone: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="fill-numbers">
        <Table.Caption>Each fill: the residual found and expected, and the volume after</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Fill</Table.Th>
            <Table.Th scope="col">Residual found</Table.Th>
            <Table.Th scope="col">Residual expected</Table.Th>
            <Table.Th scope="col">Difference</Table.Th>
            <Table.Th scope="col">Volume after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.fillPoints.map((fill) => (
            <Table.Tr key={fill.fillId}>
              <Table.Th scope="row" fw={500}>
                {formatInstant(fill.at, timeZone)}
                {fill.isInitial && ' (first fill)'}
              </Table.Th>
              <Table.Td>{orDash(fill.residualWithdrawnMl, formatMl)}</Table.Td>
              <Table.Td>{orDash(fill.expectedResidualMl, formatMl)}</Table.Td>
              <Table.Td>
                {fill.discrepancyMl === null ? (
                  '—'
                ) : (
                  <Text
                    span
                    inherit
                    c={fill.isDiscrepant ? 'red.9' : undefined}
                    fw={fill.isDiscrepant ? 600 : undefined}
                  >
                    {formatSignedMl(fill.discrepancyMl)}
                    {fill.deliveryErrorPct !== null && ` (${formatSignedPercent(fill.deliveryErrorPct)} delivery)`}
                    {fill.isDiscrepant && ' — past the discrepancy limits'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatMl(fill.volumeAfterMl)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const STEP_KIND = { fill: 'Fill', dose_change: 'Dose change' } as const;

function DoseStepsTable({ history, timeZone }: { history: ReservoirHistoryResponse; timeZone: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Caption>Each daily-dose step, from the fill or dose change that set it</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">From</Table.Th>
            <Table.Th scope="col">Set by</Table.Th>
            <Table.Th scope="col">Daily dose</Table.Th>
            <Table.Th scope="col">Concentration</Table.Th>
            <Table.Th scope="col">Daily volume</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.doseSteps.map((step) => (
            <Table.Tr key={`${step.from}-${step.kind}`}>
              <Table.Th scope="row" fw={500}>
                {formatInstant(step.from, timeZone)}
              </Table.Th>
              <Table.Td>{STEP_KIND[step.kind]}</Table.Td>
              <Table.Td>
                {formatMcgPerDay(step.dailyDoseMcg)}
                {step.bolusAllowanceMcgPerDay !== null &&
                  ` + up to ${formatMcgPerDay(step.bolusAllowanceMcgPerDay)} by patient bolus`}
              </Table.Td>
              <Table.Td>
                {formatMcgPerMl(step.concentrationMcgPerMl)}
                {step.isConcentrationChange && ' (new)'}
              </Table.Td>
              <Table.Td>{formatMlPerDay(step.dailyVolumeMl)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every number the charts draw, as tables: for screen readers, and for anyone who wants the figures. */
export function HistoryTables({ history, timeZone }: { history: ReservoirHistoryResponse; timeZone: string }) {
  return (
    <Box component="details" className={classes.tableWrap}>
      <summary>Fill and dose numbers</summary>
      <Stack gap="md" mt="sm">
        <FillsTable history={history} timeZone={timeZone} />
        <DoseStepsTable history={history} timeZone={timeZone} />
      </Stack>
    </Box>
  );
}
