import { useEffect } from 'react';
import { HELD_CLICKS_KEY } from '@kompeten/shared-util';
import { endHydration } from '../shared/hooks/useHydrated';

/**
 * Decision 0041: on a page that arrived drawn in its HTML, a button pressed before React took the page over was held by
 * the early script (after-paint.ts). Once the page is live (this effect runs after hydration), it is pressed again, if
 * it is still on the page. It also marks the hydration as over (useHydrated). Renders nothing.
 */
export function HeldClicks() {
  useEffect(() => {
    endHydration();
    const slot = (window as unknown as Record<string, { take(): Element[] } | undefined>)[HELD_CLICKS_KEY];
    for (const control of slot?.take() ?? []) if (control.isConnected) (control as HTMLElement).click();
  }, []);
  return null;
}
