import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider } from './AuthProvider';
import { queryClient } from './query-client';
import { useHydrated } from '../shared/hooks/useHydrated';
import { cssVariablesResolver, theme } from './theme';

/** `client`: the browser's one cache by default; a render on the server passes its own (decision 0041). */
export function AppProviders({ children, client = queryClient }: { children: ReactNode; client?: QueryClient }) {
  // Notifications live in a portal, which mounts with a state update in the commit: on a page the server rendered
  // that update would make React run the whole page's effects at once (decision 0042), so they join after hydration.
  // Nothing can be notified before then.
  const hydrated = useHydrated();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {hydrated && <Notifications position="top-right" limit={4} />}
      <QueryClientProvider client={client}>
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
