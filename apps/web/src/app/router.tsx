import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageLoader } from '../components/ui/page-loader';
import { paths } from './paths';
import { AppLayout } from './routes/app-layout';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteErrorBoundary } from './routes/route-error-boundary';

/**
 * Each screen is its own chunk, fetched when its route is first matched (react-router's `lazy`): the
 * first page downloads the shell and that screen only, not every screen and the PDF and calendar code.
 * The shell (layout, home redirect, not-found, error boundary) stays in the entry chunk.
 */
function screen<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => ({ Component: (await load())[name] });
}

/** Shown on the very first load while the matched screen's chunk arrives; later the old screen stays until then. */
const firstLoad = <PageLoader label="Loading the page" />;

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: paths.signIn.path,
      lazy: screen(() => import('./routes/sign-in-route'), 'SignInRoute'),
      hydrateFallbackElement: firstLoad,
      errorElement: <RouteErrorBoundary />,
    },
    {
      path: paths.setPassword.path,
      lazy: screen(() => import('./routes/set-password-route'), 'SetPasswordRoute'),
      hydrateFallbackElement: firstLoad,
      errorElement: <RouteErrorBoundary />,
    },
    {
      element: <AppLayout />,
      hydrateFallbackElement: firstLoad,
      errorElement: <RouteErrorBoundary />,
      children: [
        // Each role starts on its own work surface: the queue, the report, or today's clinic.
        { path: paths.home.path, element: <HomeRoute /> },
        { path: paths.patients.path, lazy: screen(() => import('./routes/patients-route'), 'PatientsRoute') },
        { path: paths.newPatient.path, lazy: screen(() => import('./routes/new-patient-route'), 'NewPatientRoute') },
        { path: paths.patient.path, lazy: screen(() => import('./routes/patient-route'), 'PatientRoute') },
        { path: paths.editPatient.path, lazy: screen(() => import('./routes/edit-patient-route'), 'EditPatientRoute') },
        { path: paths.implantPump.path, lazy: screen(() => import('./routes/implant-pump-route'), 'ImplantPumpRoute') },
        { path: paths.replacePump.path, lazy: screen(() => import('./routes/replace-pump-route'), 'ReplacePumpRoute') },
        {
          path: paths.replacements.path,
          lazy: screen(() => import('./routes/replacements-route'), 'ReplacementsRoute'),
        },
        {
          path: paths.recordRefill.path,
          lazy: screen(() => import('./routes/record-refill-route'), 'RecordRefillRoute'),
        },
        { path: paths.changeDose.path, lazy: screen(() => import('./routes/change-dose-route'), 'ChangeDoseRoute') },
        {
          path: paths.emergencyCard.path,
          lazy: screen(() => import('./routes/emergency-card-route'), 'EmergencyCardRoute'),
        },
        {
          path: paths.refillWorksheet.path,
          lazy: screen(() => import('./routes/refill-worksheet-route'), 'RefillWorksheetRoute'),
        },
        {
          path: paths.fillWorksheet.path,
          lazy: screen(() => import('./routes/fill-worksheet-route'), 'FillWorksheetRoute'),
        },
        { path: paths.users.path, lazy: screen(() => import('./routes/users-route'), 'UsersRoute') },
        { path: paths.apiTokens.path, lazy: screen(() => import('./routes/api-tokens-route'), 'ApiTokensRoute') },
        { path: paths.flags.path, lazy: screen(() => import('./routes/flags-route'), 'FlagsRoute') },
        { path: paths.queue.path, lazy: screen(() => import('./routes/queue-route'), 'QueueRoute') },
        { path: paths.calendar.path, lazy: screen(() => import('./routes/calendar-route'), 'CalendarRoute') },
        { path: paths.reports.path, lazy: screen(() => import('./routes/reports-route'), 'ReportsRoute') },
        { path: paths.today.path, lazy: screen(() => import('./routes/today-route'), 'TodayRoute') },
        { path: paths.audit.path, lazy: screen(() => import('./routes/audit-route'), 'AuditRoute') },
        { path: paths.messages.path, lazy: screen(() => import('./routes/messages-route'), 'MessagesRoute') },
        {
          path: paths.clinicSettings.path,
          lazy: screen(() => import('./routes/clinic-settings-route'), 'ClinicSettingsRoute'),
        },
        { path: paths.account.path, lazy: screen(() => import('./routes/account-route'), 'AccountRoute') },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
