import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, Me } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, Public, type Principal } from '@kompeten/server-core';
import { ChangePasswordDto, LoginDto, LoginResponseDto, LogoutDto, MeDto, RefreshDto } from '../dto/auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with NIP or email and password',
    description:
      'Wrong passwords are throttled per username, per client address and platform-wide (docs/decisions/0011-login-throttling.md): ' +
      'after a few failures each further try must wait an increasing delay, answered with 429 AUTH.LOGIN_THROTTLED. ' +
      'The answer is the same for real and unknown usernames and carries no unlock time; there is no account lockout.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, 401, 403, 429)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the refresh token rotates; reuse of an old one ends the session)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token (idempotent)' })
  @ApiNoContentResponse()
  @ApiErrors(400)
  async logout(@Body() dto: LogoutDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Post('auth/change-password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the caller\u2019s password; every other session ends',
    description: 'A wrong current password counts toward the same throttle as login (429 AUTH.LOGIN_THROTTLED).',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 429)
  async changePassword(@CurrentPrincipal() p: Principal, @Body() dto: ChangePasswordDto, @Ip() ip: string): Promise<void> {
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
}
