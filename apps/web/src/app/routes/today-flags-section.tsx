import type { FlagResponse, MeResponse } from '@itb/contracts';
import { Anchor } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadMoreFooter } from '../../components/ui/load-more-footer';
import { useFlags } from '../../features/flags/api/get-flags';
import { AcknowledgeFlagModal } from '../../features/flags/components/acknowledge-flag-modal';
import { FlagsTable } from '../../features/flags/components/flags-table';
import { ResolveFlagModal } from '../../features/flags/components/resolve-flag-modal';
import { TodaySection } from '../../features/today/components/today-section';
import type { FlagListParams } from '../../lib/query-keys';
import { paths } from '../paths';

/** Open flags: raised and not yet acknowledged by anyone. */
const NOT_ACKNOWLEDGED: FlagListParams = { status: 'open', severity: '', code: '' };

/** Flags nobody has acknowledged yet, most severe first, with the flags list's own dialogs. */
export function TodayFlagsSection({ me }: { me: MeResponse }) {
  const flagsQuery = useFlags(NOT_ACKNOWLEDGED);
  const [acknowledging, setAcknowledging] = useState<FlagResponse | null>(null);
  const [resolving, setResolving] = useState<FlagResponse | null>(null);
  const flags = flagsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <TodaySection
      title="Flags to acknowledge"
      subject="open flags"
      count={flagsQuery.data ? `${flags.length}${flagsQuery.hasNextPage ? '+' : ''}` : undefined}
      summary={
        <>
          Withdrawal-risk flags nobody has acknowledged yet, most severe first ·{' '}
          <Anchor component={Link} to={paths.flags.getHref()} size="sm" underline="always">
            All flags
          </Anchor>
        </>
      }
      query={flagsQuery}
      isEmpty={flags.length === 0}
      empty={{
        icon: <IconShieldCheck aria-hidden />,
        title: 'No flags to acknowledge',
        description: 'Every open withdrawal-risk flag has been acknowledged.',
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
