import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { paths } from './paths';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

const queryClient = createQueryClient();
const router = createAppRouter();

/**
 * A 401 anywhere but sign-in means the session ended: back to sign-in, then return here.
 * The cache is emptied by the next sign-in (clearing it here would make the screens still
 * mounted refetch, and fail, once more).
 */
setUnauthenticatedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === paths.signIn.path) return;
  void router.navigate(paths.signIn.getHref(`${pathname}${search}`), { replace: true });
});

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
