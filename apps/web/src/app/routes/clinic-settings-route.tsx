import { Skeleton } from '@mantine/core';
import { PageHeader } from '../../components/ui/page-header';
import { QueryError } from '../../components/ui/query-error';
import { ClinicSettingsForm } from '../../features/clinic-settings/components/clinic-settings-form';
import { can, useCurrentUser } from '../../lib/auth';
import { useClinic } from '../../lib/clinic';
import { NotAllowed } from './not-allowed';

/** The administrator's clinic settings (DESIGN.md "Users and roles": users and clinic settings). */
export function ClinicSettingsRoute() {
  const me = useCurrentUser();
  const clinic = useClinic();
  if (!can(me, 'clinic:manage')) {
    return <NotAllowed title="Clinic settings" reason="Only administrators change the clinic's settings." />;
  }
  return (
    <>
      <PageHeader
        title="Clinic settings"
        description={`${me.clinic.name} · changes apply to every user at once and are kept in the audit log`}
      />
      {clinic.isPending ? (
        <Skeleton h={480} />
      ) : clinic.isError ? (
        <QueryError
          title="Could not load the clinic's settings"
          error={clinic.error}
          onRetry={() => void clinic.refetch()}
          isRetrying={clinic.isRefetching}
        />
      ) : (
        <ClinicSettingsForm key={clinic.data.id} clinic={clinic.data} />
      )}
    </>
  );
}
