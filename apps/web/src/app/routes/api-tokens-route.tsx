import { PageHeader } from '../../components/ui/page-header';
import { ApiTokensAdmin } from '../../features/api-tokens/components/api-tokens-admin';
import { can, useCurrentUser } from '../../lib/auth';
import { NotAllowed } from './not-allowed';

export function ApiTokensRoute() {
  const me = useCurrentUser();
  if (!can(me, 'api_token:manage')) {
    return <NotAllowed title="API tokens" reason="Only administrators manage API tokens." />;
  }
  return (
    <>
      <PageHeader title="API tokens" description={`Read-only FHIR access to ${me.clinic.name}`} />
      <ApiTokensAdmin timeZone={me.clinic.timeZone} />
    </>
  );
}
