import { createContext, useContext } from 'react';
import { ADMIN_ROLES, type Language, type Me, type Role } from '@kompeten/shared-contracts';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous' | 'error';

export interface AuthContextValue {
  status: AuthStatus;
  me: Me | null;
  /** Error that kept the profile from loading (status 'error'). */
  error: unknown;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  retry(): void;
  /** Switches the UI language and, when signed in, keeps the choice in the profile (decision 0026). */
  chooseLanguage(language: Language): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

export function hasAnyRole(me: Me | null, roles: readonly Role[]): boolean {
  return !!me && me.roles.some((assignment) => roles.includes(assignment.role));
}

export function isAdmin(me: Me | null): boolean {
  return hasAnyRole(me, ADMIN_ROLES);
}

/** Name shown in the header and greeting: the name with titles, else the email. */
export function displayNameOf(me: Me | null): string {
  return me?.employee?.displayName ?? me?.email ?? '';
}
