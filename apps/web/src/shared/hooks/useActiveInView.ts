import { useEffect, useRef } from 'react';

/**
 * Keeps the active item of a horizontally scrolling tab list in view (on a 360 px phone the later tabs sit off-screen):
 * whenever `key` changes, the element marked active (aria-current, aria-selected or data-active) is scrolled to the
 * nearest edge, without moving the page vertically.
 */
export function useActiveInView<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const active = ref.current?.querySelector<HTMLElement>(
      '[aria-current="page"], [aria-selected="true"], [data-active="true"], [data-active]',
    );
    active?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [key]);
  return ref;
}
