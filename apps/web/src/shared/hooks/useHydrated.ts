import { useSyncExternalStore } from 'react';

/** Nothing ever changes after hydration, so there is nothing to listen to. */
const noSubscription = () => () => undefined;

/**
 * False while React adopts markup the server rendered (and on the server itself), true from the render after that:
 * for controls that must not act before the JavaScript behind them is there (decision 0041). A page rendered in the
 * browser from the start sees true at once.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
