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

export interface RequestContext {
  requestId: string;
  user?: SessionUser;
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
