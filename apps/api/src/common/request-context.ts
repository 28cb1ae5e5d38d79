import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@itb/contracts';

export interface SessionUser {
  id: string;
  clinicId: string;
  role: Role;
  email: string;
  name: string;
  sessionId: string;
}

/**
 * Who reads the FHIR API: a signed-in user (`userId`) or a personal API token (`tokenId`), either way
 * within one clinic.
 */
export interface FhirReader {
  clinicId: string;
  userId: string | null;
  tokenId: string | null;
}

/** An `Idempotency-Key` this request will claim inside its write's transaction. */
export interface PendingIdempotencyClaim {
  userId: string;
  clinicId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  /** Set once the claim row is written (inside the transaction that commits the write). */
  isClaimed: boolean;
}

/** The cookie that carries the primary's WAL position after the client's last write (read-your-writes.interceptor.ts). */
export const WROTE_COOKIE = 'itb_wrote';
/** A PostgreSQL LSN as text (`16/B374D848`). */
export const LSN_PATTERN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export interface RequestContext {
  requestId: string;
  user?: SessionUser;
  idempotency?: PendingIdempotencyClaim;
  /**
   * The primary's WAL position after this client's last write (the `itb_wrote` cookie): a stale read
   * goes to a replica only once it has replayed that far (common/stale-reads.ts).
   */
  wroteAtLsn?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};
