import type { FlagResponse, MeResponse } from '@itb/contracts';
import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { can } from '../../../lib/auth';
import { usePatientFlags } from '../api/get-flags';
import { AcknowledgeFlagModal } from './acknowledge-flag-modal';
import { FlagActions } from './flag-actions';
import { FlagAlert } from './flag-alert';
import { ReportClinicalSignsModal } from './report-clinical-signs-modal';
import { ResolveFlagModal } from './resolve-flag-modal';

interface PatientFlagsBannerProps {
  patient: { id: string; name: string; isDeceased: boolean };
  me: Pick<MeResponse, 'role'>;
  timeZone: string;
}

function FlagsSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-label="Loading flags">
      <Skeleton height={72} radius="md" />
    </Stack>
  );
}

/** The patient's open and acknowledged withdrawal-risk flags, most severe first, at the top of the chart. */
export function PatientFlagsBanner({ patient, me, timeZone }: PatientFlagsBannerProps) {
  const flagsQuery = usePatientFlags(patient.id);
  const [acknowledging, setAcknowledging] = useState<FlagResponse | null>(null);
  const [resolving, setResolving] = useState<FlagResponse | null>(null);
  const [isReporting, setIsReporting] = useState(false);
  const flags = flagsQuery.data?.items ?? [];
  const openCount = flags.filter((flag) => flag.status === 'open').length;
  const acknowledgedCount = flags.length - openCount;

  let body;
  if (flagsQuery.isPending) {
    body = <FlagsSkeleton />;
  } else if (flagsQuery.isError) {
    body = (
      <QueryError
        title="Could not load flags"
        error={flagsQuery.error}
        onRetry={() => void flagsQuery.refetch()}
        isRetrying={flagsQuery.isRefetching}
      />
    );
  } else if (flags.length === 0) {
    body = (
      <Group gap="xs" c="dimmed">
        <IconCircleCheck size={18} aria-hidden />
        <Text size="sm">No open flags</Text>
      </Group>
    );
  } else {
    body = (
      <Stack gap="sm">
        {flags.map((flag) => (
          <FlagAlert
            key={flag.id}
            flag={flag}
            timeZone={timeZone}
            actions={<FlagActions flag={flag} me={me} onAcknowledge={setAcknowledging} onResolve={setResolving} />}
          />
        ))}
      </Stack>
    );
  }

  return (
    <Card component="section" aria-labelledby="flags-title">
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id="flags-title">
            Withdrawal-risk flags
          </Title>
          {openCount > 0 && (
            <Badge variant="light" color="red">
              {openCount} open
            </Badge>
          )}
          {acknowledgedCount > 0 && (
            <Badge variant="light" color="gray">
              {acknowledgedCount} acknowledged
            </Badge>
          )}
        </Group>
        {can(me, 'flag:raise') && !patient.isDeceased && (
          <Button
            variant="outline"
            color="red.9"
            leftSection={<IconStethoscope size={16} aria-hidden />}
            onClick={() => setIsReporting(true)}
          >
            Report clinical signs
          </Button>
        )}
      </Group>
      {body}
      <AcknowledgeFlagModal flag={acknowledging} onClose={() => setAcknowledging(null)} />
      <ResolveFlagModal flag={resolving} onClose={() => setResolving(null)} />
      <ReportClinicalSignsModal patient={patient} opened={isReporting} onClose={() => setIsReporting(false)} />
    </Card>
  );
}
