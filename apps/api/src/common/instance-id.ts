import { randomUUID } from 'node:crypto';

/** This API process, as named in PostgreSQL: every pool connection carries it as `application_name`. */
export const INSTANCE_ID = randomUUID();
export const APPLICATION_NAME_PREFIX = 'itb-api:';
export const APPLICATION_NAME = `${APPLICATION_NAME_PREFIX}${INSTANCE_ID}`;
