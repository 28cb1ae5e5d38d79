/** Injection token for the URL the API's own (restricted) role connects with. */
export const APP_DATABASE_URL = Symbol('AppDatabaseUrl');
