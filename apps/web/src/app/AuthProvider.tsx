import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language, Me } from '@kompeten/shared-contracts';
import { getMe, login as loginApi, logout as logoutApi, saveLanguage } from '../features/auth/api';
import { currentLanguage, setLanguage } from '../i18n';
import { authKeys } from '../features/auth/queries';
import { ApiError, tokenStore, type SessionChange } from '../shared/api';
import { AuthContext, type AuthContextValue, type AuthStatus } from '../shared/auth/auth-context';
import { notify } from '../shared/notify';
import { takeEarlySessionEnd } from './session-restore';

/** Holds the session: the access token in memory (the refresh token is an HttpOnly cookie), the current user (GET /api/me) in the query cache. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [hasSession, setHasSession] = useState(() => tokenStore.hasSession());

  useEffect(() => {
    const onChange = (change: SessionChange) => {
      const active = tokenStore.hasSession();
      setHasSession(active);
      if (!active) {
        queryClient.clear();
        if (change === 'expired') {
          notify({ id: 'session-expired', color: 'yellow', message: t('sessionExpired') });
        }
      }
    };
    const unsubscribe = tokenStore.subscribe(onChange);
    // The session restore started by main.tsx may have ended the session before this effect ran.
    const endedEarly = takeEarlySessionEnd();
    if (endedEarly) onChange(endedEarly);
    return unsubscribe;
  }, [queryClient, t]);

  const meQuery = useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    enabled: hasSession,
    staleTime: 5 * 60_000,
    retry: (failures, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
  });

  // The language kept in the profile is applied when the profile loads: at sign-in and on every visit.
  const profileLanguage = hasSession ? meQuery.data?.language : undefined;
  useEffect(() => {
    if (profileLanguage && profileLanguage !== currentLanguage()) void setLanguage(profileLanguage);
  }, [profileLanguage]);

  const login = useCallback(
    async (username: string, password: string): Promise<Me> => {
      const res = await loginApi(username, password);
      queryClient.setQueryData(authKeys.me(), res.user);
      tokenStore.set(res.accessToken, 'signed-in');
      return res.user;
    },
    [queryClient],
  );

  const signedIn = hasSession && !!meQuery.data;
  const chooseLanguage = useCallback(
    async (language: Language): Promise<void> => {
      await setLanguage(language);
      if (!signedIn) return;
      try {
        queryClient.setQueryData(authKeys.me(), await saveLanguage(language));
      } catch {
        notify({ id: 'language-not-saved', color: 'yellow', message: t('languageNotSaved') });
      }
    },
    [queryClient, signedIn, t],
  );

  const logout = useCallback(async (): Promise<void> => {
    try {
      await logoutApi();
    } catch {
      // The session may already be over; signing out locally is what matters.
    }
    tokenStore.clear('signed-out');
  }, []);

  const { refetch } = meQuery;
  const retry = useCallback(() => void refetch(), [refetch]);

  let status: AuthStatus;
  if (!hasSession) status = 'anonymous';
  else if (meQuery.data) status = 'authenticated';
  else if (meQuery.isError)
    status = meQuery.error instanceof ApiError && meQuery.error.status === 401 ? 'anonymous' : 'error';
  else status = 'loading';

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      me: hasSession ? (meQuery.data ?? null) : null,
      error: meQuery.error,
      login,
      logout,
      retry,
      chooseLanguage,
    }),
    [status, hasSession, meQuery.data, meQuery.error, login, logout, retry, chooseLanguage],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
