import type { FlagResponse, MeResponse } from '@itb/contracts';
import { IconEyeCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadMoreFooter } from '../../components/ui/load-more-footer';
import { NEEDING_ATTENTION, useFlags } from '../../features/flags/api/get-flags';
import { AcknowledgeFlagModal } from '../../features/flags/components/acknowledge-flag-modal';
import { FlagsTable } from '../../features/flags/components/flags-table';
import { ResolveFlagModal } from '../../features/flags/components/resolve-flag-modal';
import { TodaySection } from '../../features/today/components/today-section';
import type { FlagListParams } from '../../lib/query-keys';
import { paths } from '../paths';

/** WITHDRAWAL_WATCH flags still open or acknowledged: they stay until a clinician resolves them with a note. */
const WATCHED: FlagListParams = { status: NEEDING_ATTENTION, severity: '', code: 'WITHDRAWAL_WATCH' };

/**
 * Patients refilled after their pump ran dry (issue 11; DESIGN.md "Withdrawal-risk rules"): watched for
 * withdrawal for 72 h after the refill. Acknowledging does not take them off this list; resolving does.
 */
export function TodayWithdrawalWatchSection({ me }: { me: MeResponse }) {
  const flagsQuery = useFlags(WATCHED);
  const [acknowledging, setAcknowledging] = useState<FlagResponse | null>(null);
  const [resolving, setResolving] = useState<FlagResponse | null>(null);
  const flags = flagsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <TodaySection
      title="Withdrawal watch"
      subject="patients on withdrawal watch"
      count={flagsQuery.data ? `${flags.length}${flagsQuery.hasNextPage ? '+' : ''}` : undefined}
      summary="Refilled after the pump ran dry: watch for withdrawal signs for 72 h; resolve with a note once seen."
      query={flagsQuery}
      isEmpty={flags.length === 0}
      empty={{
        icon: <IconEyeCheck aria-hidden />,
        title: 'Nobody on withdrawal watch',
        description: 'No patient has been refilled after a dry pump in the last 72 h without a note.',
      }}
    >
      <FlagsTable
        flags={flags}
        me={me}
        timeZone={me.clinic.timeZone}
        getPatientHref={paths.patient.getHref}
        onAcknowledge={setAcknowledging}
        onResolve={setResolving}
      />
      <LoadMoreFooter query={flagsQuery} noun="flags" />
      <AcknowledgeFlagModal flag={acknowledging} onClose={() => setAcknowledging(null)} />
      <ResolveFlagModal flag={resolving} onClose={() => setResolving(null)} />
    </TodaySection>
  );
}
