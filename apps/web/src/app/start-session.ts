// main.tsx imports this module first, so it runs before the rest of the entry (the router, the shell, the catalogs):
// the session restore (refresh cookie → token → /api/me) is on its way while they evaluate (decision 0027).
import { queryClient } from './query-client';
import { restoreSessionEarly } from './session-restore';
import { providePrefetchClient } from '../shared/route-prefetch';

restoreSessionEarly(queryClient);
// The router, created next, starts the opened page's data through its route's loader (decision 0027 §11).
providePrefetchClient(queryClient);
