import { createBrowserRouter } from 'react-router';
import { paths } from './paths';
import { AccountRoute } from './routes/account-route';
import { AppLayout } from './routes/app-layout';
import { AuditRoute } from './routes/audit-route';
import { CalendarRoute } from './routes/calendar-route';
import { ChangeDoseRoute } from './routes/change-dose-route';
import { EmergencyCardRoute } from './routes/emergency-card-route';
import { FlagsRoute } from './routes/flags-route';
import { HomeRoute } from './routes/home-route';
import { ImplantPumpRoute } from './routes/implant-pump-route';
import { NewPatientRoute } from './routes/new-patient-route';
import { NotFoundRoute } from './routes/not-found-route';
import { EditPatientRoute } from './routes/edit-patient-route';
import { PatientRoute } from './routes/patient-route';
import { PatientsRoute } from './routes/patients-route';
import { QueueRoute } from './routes/queue-route';
import { RecordRefillRoute } from './routes/record-refill-route';
import { ReportsRoute } from './routes/reports-route';
import { RouteErrorBoundary } from './routes/route-error-boundary';
import { SetPasswordRoute } from './routes/set-password-route';
import { SignInRoute } from './routes/sign-in-route';
import { TodayRoute } from './routes/today-route';
import { UsersRoute } from './routes/users-route';

export function createAppRouter() {
  return createBrowserRouter([
    { path: paths.signIn.path, element: <SignInRoute />, errorElement: <RouteErrorBoundary /> },
    { path: paths.setPassword.path, element: <SetPasswordRoute />, errorElement: <RouteErrorBoundary /> },
    {
      element: <AppLayout />,
      errorElement: <RouteErrorBoundary />,
      children: [
        // Each role starts on its own work surface: the queue, the report, or today's clinic.
        { path: paths.home.path, element: <HomeRoute /> },
        { path: paths.patients.path, element: <PatientsRoute /> },
        { path: paths.newPatient.path, element: <NewPatientRoute /> },
        { path: paths.patient.path, element: <PatientRoute /> },
        { path: paths.editPatient.path, element: <EditPatientRoute /> },
        { path: paths.implantPump.path, element: <ImplantPumpRoute /> },
        { path: paths.recordRefill.path, element: <RecordRefillRoute /> },
        { path: paths.changeDose.path, element: <ChangeDoseRoute /> },
        { path: paths.emergencyCard.path, element: <EmergencyCardRoute /> },
        { path: paths.users.path, element: <UsersRoute /> },
        { path: paths.flags.path, element: <FlagsRoute /> },
        { path: paths.queue.path, element: <QueueRoute /> },
        { path: paths.calendar.path, element: <CalendarRoute /> },
        { path: paths.reports.path, element: <ReportsRoute /> },
        { path: paths.today.path, element: <TodayRoute /> },
        { path: paths.audit.path, element: <AuditRoute /> },
        { path: paths.account.path, element: <AccountRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
