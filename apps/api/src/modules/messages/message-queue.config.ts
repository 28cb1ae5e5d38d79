/** pg-boss's schema and the queue messages are sent through, both made by migration 1764710000000. */
export const PGBOSS_SCHEMA = 'pgboss';
export const MESSAGE_QUEUE = 'message-send';

/**
 * Attempts before a message is marked failed (message-sender.ts counts them in the outbox row). The
 * queue itself allows 7 retries with backoff from 30 s, so the outbox, not the queue, gives up first.
 */
export const MAX_SEND_ATTEMPTS = 5;
