import type { QueryClient } from '@tanstack/react-query';
import { getMe } from '../features/auth/api';
import { authKeys } from '../features/auth/queries';
import { markAppStarted, restoreSession, tokenStore, type SessionChange } from '../shared/api';

let ended: SessionChange | null = null;
let stopListening: (() => void) | null = null;

/**
 * Decision 0027: a returning learner's page waits for the session (refresh cookie → access token and user) before
 * it can fetch anything, so that starts while the entry is still running, in parallel with the route's chunks, instead
 * of after React's first render. AuthProvider's own query for the same key then finds it in flight.
 * The refresh answers with the user too, so /api/me is not asked again; the refresh itself may already be on its way,
 * started by the early script of index.html (shared/api/early-refresh.ts), whose answer it then takes.
 * A session that ends before AuthProvider listens (an expired cookie) is kept for it: see takeEarlySessionEnd.
 */
export function restoreSessionEarly(queryClient: QueryClient): void {
  markAppStarted();
  if (tokenStore.access || !tokenStore.hasSession()) return;
  stopListening = tokenStore.subscribe((change) => {
    if (change === 'expired' || change === 'signed-out') ended = change;
  });
  void queryClient.prefetchQuery({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }) => (await restoreSession()) ?? getMe(signal),
  });
}

/** Called when AuthProvider starts listening: how the session ended before that, if it did (then once only). */
export function takeEarlySessionEnd(): SessionChange | null {
  stopListening?.();
  stopListening = null;
  const change = ended;
  ended = null;
  return change;
}
