import { useEffect } from 'react';

/** "<page> · Kompeten" in the browser tab (screen readers announce it on navigation). */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Kompeten` : 'Kompeten';
  }, [title]);
}
