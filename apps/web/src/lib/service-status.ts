import { useSyncExternalStore } from 'react';

/**
 * Whether the API can save anything right now, as the last answer showed: `database-down` after a
 * 503 DATABASE_UNAVAILABLE, `unreachable` when no answer came at all, `ok` after any other answer.
 * One store for the whole dashboard, so an outage shows one banner however many calls fail.
 */
export type ServiceStatus = 'ok' | 'database-down' | 'unreachable';

let current: ServiceStatus = 'ok';
const listeners = new Set<() => void>();

export function reportServiceStatus(status: ServiceStatus): void {
  if (status === current) return;
  current = status;
  for (const listener of listeners) listener();
}

export function getServiceStatus(): ServiceStatus {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useServiceStatus(): ServiceStatus {
  return useSyncExternalStore(subscribe, getServiceStatus, getServiceStatus);
}

/** Asks the readiness probe once; its answer updates the status (used while the banner shows). */
export async function checkServiceStatus(): Promise<void> {
  try {
    const response = await fetch('/api/health', { headers: { Accept: 'application/json' } });
    reportServiceStatus(response.ok ? 'ok' : response.status === 503 ? 'database-down' : current);
  } catch {
    reportServiceStatus('unreachable');
  }
}
