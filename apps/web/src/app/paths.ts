/** Every route of the dashboard, in one place: `path` for the router, `getHref` for links. */
const enc = encodeURIComponent;

export const paths = {
  signIn: {
    path: '/sign-in',
    getHref: (redirectTo?: string) =>
      redirectTo && redirectTo !== '/' ? `/sign-in?redirectTo=${enc(redirectTo)}` : '/sign-in',
  },
  /** Reached by a one-time invitation or reset link: the token rides in the fragment (`#token=…`). */
  setPassword: { path: '/set-password', getHref: () => '/set-password' },
  /** One's own account: change the password. */
  account: { path: '/account', getHref: () => '/account' },
  home: { path: '/', getHref: () => '/' },
  patients: {
    path: '/patients',
    getHref: () => '/patients',
  },
  newPatient: { path: '/patients/new', getHref: () => '/patients/new' },
  patient: {
    path: '/patients/:patientId',
    getHref: (patientId: string) => `/patients/${enc(patientId)}`,
  },
  editPatient: {
    path: '/patients/:patientId/edit',
    getHref: (patientId: string) => `/patients/${enc(patientId)}/edit`,
  },
  implantPump: {
    path: '/patients/:patientId/implant',
    getHref: (patientId: string) => `/patients/${enc(patientId)}/implant`,
  },
  replacePump: {
    path: '/patients/:patientId/replace-pump',
    getHref: (patientId: string) => `/patients/${enc(patientId)}/replace-pump`,
  },
  recordRefill: {
    path: '/patients/:patientId/refill',
    getHref: (patientId: string) => `/patients/${enc(patientId)}/refill`,
  },
  changeDose: {
    path: '/patients/:patientId/dose',
    getHref: (patientId: string) => `/patients/${enc(patientId)}/dose`,
  },
  emergencyCard: {
    path: '/patients/:patientId/emergency-card',
    getHref: (patientId: string) => `/patients/${enc(patientId)}/emergency-card`,
  },
  /** The printable plan for a pump's next refill (issue 14 item 4). */
  refillWorksheet: {
    path: '/patients/:patientId/pumps/:pumpId/refill-worksheet',
    getHref: (patientId: string, pumpId: string) => `/patients/${enc(patientId)}/pumps/${enc(pumpId)}/refill-worksheet`,
  },
  /** The printable record of one refill, signed by who recorded it. */
  fillWorksheet: {
    path: '/patients/:patientId/fills/:fillId/worksheet',
    getHref: (patientId: string, fillId: string) => `/patients/${enc(patientId)}/fills/${enc(fillId)}/worksheet`,
  },
  users: { path: '/users', getHref: () => '/users' },
  /** Personal API tokens for machine clients of the FHIR API (administrators); not under /api, which the server keeps for itself. */
  apiTokens: { path: '/tokens', getHref: () => '/tokens' },
  flags: { path: '/flags', getHref: () => '/flags' },
  queue: { path: '/queue', getHref: () => '/queue' },
  replacements: { path: '/replacements', getHref: () => '/replacements' },
  calendar: {
    path: '/calendar',
    /** `date` is a clinic date (YYYY-MM-DD); both default to this week on the calendar. */
    getHref: ({ view, date }: { view?: 'day' | 'week'; date?: string } = {}) => {
      const params = new URLSearchParams();
      if (view) params.set('view', view);
      if (date) params.set('date', date);
      const search = params.toString();
      return search ? `/calendar?${search}` : '/calendar';
    },
  },
  reports: { path: '/reports', getHref: () => '/reports' },
  /** The nurse's home: today's arrivals, refills to record and flags to acknowledge. */
  today: { path: '/today', getHref: () => '/today' },
  /** The audit log; filters live in the address (`?actorId=&patientId=&entityType=&action=&from=&to=`). */
  audit: { path: '/audit', getHref: () => '/audit' },
  /** The outbox of reminders and digests, and the letter batch. */
  messages: { path: '/messages', getHref: () => '/messages' },
  clinicSettings: { path: '/clinic-settings', getHref: () => '/clinic-settings' },
} as const;

/** Only same-origin paths are followed after sign-in, so a crafted link cannot send a user elsewhere. */
export function safeRedirectTarget(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return paths.home.getHref();
  if (value.startsWith(paths.signIn.path)) return paths.home.getHref();
  return value;
}
