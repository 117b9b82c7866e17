import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, type LoginResponse, type Me } from '@kompeten/shared-contracts';
import {
  APP_CONFIG,
  ApiErrors,
  CurrentPrincipal,
  DomainError,
  invalid,
  Public,
  type AppConfig,
  type Principal,
} from '@kompeten/server-core';
import {
  ChangePasswordDto,
  LoginDto,
  LoginResponseDto,
  LogoutDto,
  MeDto,
  RefreshDto,
  SetLanguageDto,
} from '../dto/auth.dto';
import { AuthService, type IssuedTokens } from './auth.service';
import { clearPageCookie, pageCookieKey, setPageCookie } from './page-cookie';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';

const PAGE_COOKIE_NOTE =
  'the `kompeten_page` cookie (HttpOnly; Secure; SameSite=Strict; Path=/; read-only: lets the server render the signed-in pages; never accepted by /api)';
const COOKIE_NOTE =
  'Sets the refresh token in the `kompeten_refresh` cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/auth), ' +
  `and ${PAGE_COOKIE_NOTE}.`;

@ApiTags('auth')
@Controller()
export class AuthController {
  private readonly pageKey: Buffer;

  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.pageKey = pageCookieKey(config.jwtSecret);
  }

  /**
   * The refresh token goes in the cookie always, and in the body only when the client asked for it there; the session
   * id only into the page cookie, never into the body.
   */
  private answer(res: Response, issued: IssuedTokens, inBody: boolean): LoginResponse {
    setRefreshCookie(res, issued.refreshToken, this.config.refreshTokenTtlSeconds);
    setPageCookie(res, this.pageKey, issued.sessionId, this.config.refreshTokenTtlSeconds);
    const { sessionId: _cookieOnly, ...tokens } = issued;
    if (inBody) return tokens;
    const { refreshToken: _kept, ...rest } = tokens;
    return rest;
  }

  /** Both cookies of a session, when it is over for this browser. */
  private clearCookies(res: Response): void {
    clearRefreshCookie(res);
    clearPageCookie(res);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with NIP or email and password',
    description:
      'Wrong passwords are throttled per username, per client address and platform-wide (docs/decisions/0011-login-throttling.md): ' +
      'after a few failures each further try must wait an increasing delay, answered with 429 AUTH.LOGIN_THROTTLED. ' +
      'The answer is the same for real and unknown usernames and carries no unlock time; there is no account lockout. ' +
      `${COOKIE_NOTE} The body carries the refresh token only with \`returnRefreshToken: true\`.`,
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, 401, 403, 429)
  async login(
    @Body() dto: LoginDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    return this.answer(res, await this.auth.login(dto.username, dto.password, ip), dto.returnRefreshToken === true);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange a refresh token for new tokens (the refresh token rotates; reuse of an old one ends the session)',
    description: `Takes the token from the body (non-browser clients; the new one comes back in the body) or else from the \`kompeten_refresh\` cookie (the new one comes back only in the cookie, never in the body). ${COOKIE_NOTE}`,
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, 401)
  async refresh(
    @Body() dto: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const token = dto.refreshToken ?? refreshCookieOf(req);
    if (!token)
      throw new DomainError(
        'unauthenticated',
        ErrorCode.AUTH_INVALID_REFRESH_TOKEN,
        'Sesi berakhir. Silakan masuk kembali.',
      );
    try {
      return this.answer(res, await this.auth.refresh(token), dto.refreshToken !== undefined);
    } catch (e) {
      // A dead cookie is of no use to the browser any more.
      if (dto.refreshToken === undefined && e instanceof DomainError && e.code === ErrorCode.AUTH_INVALID_REFRESH_TOKEN)
        this.clearCookies(res);
      throw e;
    }
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the session of a refresh token (idempotent)',
    description:
      'The token comes from the body or else from the `kompeten_refresh` cookie, which is cleared (400 when there is neither), ' +
      `together with ${PAGE_COOKIE_NOTE}. The session\u2019s access tokens stop working at once.`,
  })
  @ApiNoContentResponse()
  @ApiErrors(400)
  async logout(@Body() dto: LogoutDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = dto.refreshToken ?? refreshCookieOf(req);
    this.clearCookies(res);
    if (!token) throw invalid(ErrorCode.VALIDATION_FAILED, 'refreshToken harus diisi, atau kirim cookie sesi');
    await this.auth.logout(token);
  }

  @ApiBearerAuth()
  @Post('auth/change-password')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Change the caller\u2019s password; every session ends, this one included (sign in again with the new password)',
    description: 'A wrong current password counts toward the same throttle as login (429 AUTH.LOGIN_THROTTLED).',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 429)
  async changePassword(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.auth.changePassword(p, dto.currentPassword, dto.newPassword, ip);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The caller: account, ASN profile, roles and display time zone' })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(401)
  me(@CurrentPrincipal() p: Principal): Promise<Me> {
    return this.auth.me(p.userId);
  }

  @ApiBearerAuth()
  @Put('me/language')
  @ApiOperation({
    summary: 'Keep the caller\u2019s language choice in the profile',
    description:
      'Idempotent. The web applies it at sign-in; requests without an Accept-Language header are answered in it ' +
      '(after the next token refresh). Accept-Language, when it names id or en, wins (decision 0026).',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(400, 401)
  setLanguage(@CurrentPrincipal() p: Principal, @Body() dto: SetLanguageDto): Promise<Me> {
    return this.auth.setLanguage(p.userId, dto.language);
  }
}
