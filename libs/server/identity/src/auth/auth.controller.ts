import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { LoginResponse, Me } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, Public, type Principal } from '@kompeten/server-core';
import { ChangePasswordDto, LoginDto, LoginResponseDto, LogoutDto, MeDto, RefreshDto } from '../dto/auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'Sign in with NIP or email and password', description: `After 5 wrong passwords in a row the account is locked for 15 minutes (423). More than 10 attempts a minute from one address for one username: 429.` })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(400, 401, 403, 423, 429)
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password);
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
  @ApiOperation({ summary: 'Change the caller\u2019s password; every other session ends' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401)
  async changePassword(@CurrentPrincipal() p: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(p, dto.currentPassword, dto.newPassword);
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
