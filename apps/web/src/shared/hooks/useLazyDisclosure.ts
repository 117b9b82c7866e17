import { useCallback, useState } from 'react';
import { useDisclosure } from '@mantine/hooks';

/**
 * Open/closed state for a dialog or popover whose code is fetched on demand (decision 0027 §10): `mounted` turns true
 * at the first opening and stays true, so the lazily loaded part is rendered from then on and closing keeps its
 * transition and its return of focus.
 */
export function useLazyDisclosure() {
  const [opened, { open, close, toggle }] = useDisclosure(false);
  const [mounted, setMounted] = useState(false);
  const openNow = useCallback(() => {
    setMounted(true);
    open();
  }, [open]);
  return { opened, mounted, open: openNow, close, toggle };
}
