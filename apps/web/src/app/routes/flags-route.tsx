import { PageHeader } from '../../components/ui/page-header';
import { FlagsWorkList } from '../../features/flags/components/flags-work-list';
import { useCurrentUser } from '../../lib/auth';
import { paths } from '../paths';

/** The clinic's withdrawal-risk flags: a work list for nurses and specialists, read-only for administrators. */
export function FlagsRoute() {
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Withdrawal-risk flags"
        documentTitle="Flags"
        description={
          me.role === 'admin'
            ? `${me.clinic.name} · read only`
            : 'Every flag still needing attention across the clinic, most severe first'
        }
      />
      <FlagsWorkList me={me} timeZone={me.clinic.timeZone} getPatientHref={paths.patient.getHref} />
    </>
  );
}
