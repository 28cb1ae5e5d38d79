import { PageHeader } from '../../components/ui/page-header';
import { UsersAdmin } from '../../features/users/components/users-admin';
import { can, useCurrentUser } from '../../lib/auth';
import { NotAllowed } from './not-allowed';

export function UsersRoute() {
  const me = useCurrentUser();
  if (!can(me, 'user:manage')) {
    return <NotAllowed title="Users" reason="Only administrators manage user accounts." />;
  }
  return (
    <>
      <PageHeader title="Users" description={`Accounts at ${me.clinic.name}`} />
      <UsersAdmin currentUserId={me.id} timeZone={me.clinic.timeZone} />
    </>
  );
}
