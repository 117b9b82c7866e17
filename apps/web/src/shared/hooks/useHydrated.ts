import { startTransition, useEffect, useState } from 'react';

let hydrating = false;

/** main.tsx, before it hydrates a page that arrived drawn in its HTML (decision 0041). */
export function beginHydration(): void {
  hydrating = true;
}

/** App, once that page is live (an effect after the hydration's commit). */
export function endHydration(): void {
  hydrating = false;
}

/**
 * False on the server and while React adopts markup the server rendered; true from a render after that, and at once
 * for a page drawn in the browser. For controls that must not act before the JavaScript behind them is there, and
 * parts the server leaves out (decision 0041). The switch after hydration is a transition, so React renders it in
 * slices rather than in one long task (a store's server snapshot would force a synchronous render of the whole page).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(() => typeof window !== 'undefined' && !hydrating);
  useEffect(() => {
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
