import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@kompeten/shared-contracts';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import type { AccessTokenClaims, Principal } from './principal';

export const IS_PUBLIC = 'kompeten:isPublic';
/** Marks a route that needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

type AuthedRequest = Request & { principal?: Principal; id?: string };

/**
 * Global guard: every route needs a valid access token unless marked @Public().
 * Tokens are verified locally (HS256); the claims carry the caller's role scopes.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Silakan masuk terlebih dahulu (token akses tidak ada)');
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token);
    } catch {
      throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Token akses tidak valid atau sudah kedaluwarsa');
    }
    if (claims.typ !== 'access') throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Token akses tidak valid');
    req.principal = {
      userId: claims.sub,
      employeeId: claims.emp,
      roles: claims.roles.map(([role, agencyId, unitId]) => ({ role, agencyId, unitId })),
      correlationId: req.id ? String(req.id) : null,
    };
    return true;
  }
}

/** The verified caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Silakan masuk terlebih dahulu');
  return req.principal;
});
