import type { Role } from '@itb/contracts';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../lib/auth';
import { paths } from '../paths';

/**
 * Each role lands on its own work surface: specialists the refill queue, nurses today's clinic
 * (arrivals, refills to record, flags to acknowledge), administrators the report.
 */
const HOME_BY_ROLE: Record<Role, string> = {
  specialist: paths.queue.getHref(),
  nurse: paths.today.getHref(),
  admin: paths.reports.getHref(),
};

export function HomeRoute() {
  const me = useCurrentUser();
  return <Navigate to={HOME_BY_ROLE[me.role]} replace />;
}
