import type { QueryClient } from '@tanstack/react-query';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { HeldClicks } from './HeldClicks';
import { AppProviders } from './providers';

/** The whole app around a router: the browser's (main.tsx) or, when the build renders a page, a memory router. */
export function App({ router, client }: { router: DataRouter; client?: QueryClient }) {
  return (
    <AppProviders client={client}>
      <RouterProvider router={router} />
      <HeldClicks />
    </AppProviders>
  );
}
