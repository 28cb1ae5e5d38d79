export type { AppConfig } from './config.js';
/** Injection token for the typed configuration. */
export const AppConfigToken = Symbol('AppConfig');
