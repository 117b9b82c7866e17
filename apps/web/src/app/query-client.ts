import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) do not get better by retrying.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** The app's one query cache (start-session.ts restores the session into it before the first render). */
export const queryClient = createQueryClient();
