import { createBrowserRouter, Navigate } from 'react-router';
import { paths } from './paths';
import { AppLayout } from './routes/app-layout';
import { ChangeDoseRoute } from './routes/change-dose-route';
import { ImplantPumpRoute } from './routes/implant-pump-route';
import { NewPatientRoute } from './routes/new-patient-route';
import { NotFoundRoute } from './routes/not-found-route';
import { PatientRoute } from './routes/patient-route';
import { PatientsRoute } from './routes/patients-route';
import { RecordRefillRoute } from './routes/record-refill-route';
import { RouteErrorBoundary } from './routes/route-error-boundary';
import { SignInRoute } from './routes/sign-in-route';
import { UsersRoute } from './routes/users-route';

export function createAppRouter() {
  return createBrowserRouter([
    { path: paths.signIn.path, element: <SignInRoute />, errorElement: <RouteErrorBoundary /> },
    {
      element: <AppLayout />,
      errorElement: <RouteErrorBoundary />,
      children: [
        // Every role starts on the patient list until the refill queue exists.
        { path: paths.home.path, element: <Navigate to={paths.patients.getHref()} replace /> },
        { path: paths.patients.path, element: <PatientsRoute /> },
        { path: paths.newPatient.path, element: <NewPatientRoute /> },
        { path: paths.patient.path, element: <PatientRoute /> },
        { path: paths.implantPump.path, element: <ImplantPumpRoute /> },
        { path: paths.recordRefill.path, element: <RecordRefillRoute /> },
        { path: paths.changeDose.path, element: <ChangeDoseRoute /> },
        { path: paths.users.path, element: <UsersRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
