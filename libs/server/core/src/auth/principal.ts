import type { Role } from '@kompeten/shared-contracts';

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
}

export interface AccessTokenClaims {
  sub: string;
  emp: string | null;
  roles: Array<[Role, string, string | null]>;
  typ: 'access';
}
