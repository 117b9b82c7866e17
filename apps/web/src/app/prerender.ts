import type { DataRouter } from 'react-router';

export { PRERENDERED_ATTRIBUTE, SSR_STATE_ID } from '@kompeten/shared-util';

/** Resolves once the router has loaded the opened route's lazy modules and run its loaders (its first render is the page). */
export function routerReady(router: DataRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}
