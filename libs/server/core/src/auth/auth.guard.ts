import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@kompeten/shared-contracts';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/env';
import { DomainError } from '../errors/domain-error';
import type { AccessTokenClaims, Principal } from './principal';
import { SessionStore } from './session-store';

export const IS_PUBLIC = 'kompeten:isPublic';
/** Marks a route that needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const NO_RATE_LIMIT = 'kompeten:noRateLimit';
/** Marks a route outside the per-client request budget (only the health check: probes must never be refused). */
export const NoRateLimit = () => SetMetadata(NO_RATE_LIMIT, true);

type AuthedRequest = Request & { principal?: Principal; id?: string };

const unauthenticated = (message: string) =>
  new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, message);

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and every route (but @NoRateLimit())
 * spends from its caller's request budget. The token is verified locally (HS256); then the session store counts the
 * request and tells whether the token's session was ended or its claims retired — from memory kept current by Redis
 * announcements, or with one Redis call while it is not subscribed (decisions 0010, 0020). Redis not answering fails
 * closed: 503.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate, OnApplicationBootstrap {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.sessions.start();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const limited = !this.reflector.getAllAndOverride<boolean>(NO_RATE_LIMIT, targets);
    const req = context.switchToHttp().getRequest<AuthedRequest>();

    let claims: AccessTokenClaims | null = null;
    let refusal: DomainError | null = null;
    if (!isPublic) {
      const header = req.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
      if (!token) refusal = unauthenticated('Silakan masuk terlebih dahulu (token akses tidak ada)');
      else {
        try {
          claims = this.jwt.verify<AccessTokenClaims>(token);
        } catch {
          refusal = unauthenticated('Token akses tidak valid atau sudah kedaluwarsa');
        }
        // Tokens issued before sessions were tracked carry no session: they cannot be revoked, so they are not accepted.
        if (claims && (claims.typ !== 'access' || typeof claims.sid !== 'string' || typeof claims.gen !== 'number')) {
          claims = null;
          refusal = unauthenticated('Token akses tidak valid');
        }
      }
    }
    if (!limited && !claims) {
      if (refusal) throw refusal;
      return true;
    }

    // Requests without a valid token are counted per client address, so forged tokens spend the sender's budget.
    const client = claims ? `u:${claims.sub}` : `a:${req.ip ?? 'unknown'}`;
    const check = await this.sessions.check(client, claims?.sid ?? null);
    const budget = claims ? this.config.rateLimit.perUser : this.config.rateLimit.perAddress;
    if (limited && check.count > budget) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(check.retryAfterSeconds));
      throw new DomainError(
        'rate_limited',
        ErrorCode.RATE_LIMITED,
        `Terlalu banyak permintaan. Coba lagi dalam ${check.retryAfterSeconds} detik.`,
      );
    }
    if (refusal) throw refusal;
    if (!claims) return true;
    if (check.floor !== null && claims.gen < check.floor)
      throw unauthenticated('Sesi ini sudah berakhir. Silakan masuk kembali.');
    req.principal = {
      userId: claims.sub,
      employeeId: claims.emp,
      roles: claims.roles.map(([role, agencyId, unitId]) => ({ role, agencyId, unitId })),
      correlationId: req.id ? String(req.id) : null,
      sessionId: claims.sid,
      ...(claims.lng === 'en' || claims.lng === 'id' ? { language: claims.lng } : {}),
    };
    return true;
  }
}

/** The verified caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw unauthenticated('Silakan masuk terlebih dahulu');
  return req.principal;
});
