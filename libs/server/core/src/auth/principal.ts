import type { Language, Role } from '@kompeten/shared-contracts';

export interface RoleClaim {
  role: Role;
  agencyId: string;
  unitId: string | null;
}

/** Who is calling: the verified access token's claims. */
export interface Principal {
  userId: string;
  employeeId: string | null;
  roles: RoleClaim[];
  correlationId: string | null;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId?: string;
  /** The language kept in the caller's profile when the token was issued (decision 0026). */
  language?: Language;
}

export interface AccessTokenClaims {
  sub: string;
  emp: string | null;
  roles: Array<[Role, string, string | null]>;
  typ: 'access';
  /** Session id: the refresh-token family the token was issued with. */
  sid: string;
  /** Generation: how many tokens the session had issued before this one (0 at login, +1 per refresh). */
  gen: number;
  /** The profile's language at issue time; requests without Accept-Language are answered in it. */
  lng?: Language;
}
