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

export interface RequestContext {
  requestId: string;
  user?: SessionUser;
  idempotency?: PendingIdempotencyClaim;
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
