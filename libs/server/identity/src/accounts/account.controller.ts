import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountEvent, Page, SetupLinkInfo } from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  Public,
  type Principal,
} from '@kompeten/server-core';
import { AccountEventDto, CompleteSetupDto, SetupLinkInfoDto, SetupTokenDto } from '../dto/auth.dto';
import { AccountService } from '../roles/account.service';
import { SetupLinkService } from './setup-link.service';

/** The ASN's side of their account: setup links (public, the token is the credential), email confirmation, account events. */
@ApiTags('auth')
@Controller()
export class AccountController {
  constructor(
    @Inject(SetupLinkService) private readonly links: SetupLinkService,
    @Inject(AccountService) private readonly accounts: AccountService,
  ) {}

  // The token travels in the body, not the path, so it never lands in access logs. A token is 256 random bits, so
  // guessing is hopeless; the per-address request budget of every route (decision 0010) bounds the traffic.
  @Public()
  @Post('auth/setup-link/lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Who a setup link is for (name and masked NIP only), before setting the password' })
  @ApiOkResponse({ type: SetupLinkInfoDto })
  @ApiErrors(400, 404, 410, 429)
  lookup(@Body() dto: SetupTokenDto): Promise<SetupLinkInfo> {
    return this.links.lookup(dto.token);
  }

  @Public()
  @Post('auth/setup-link/complete')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set the password with a setup link (once); every session of the account ends' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 410, 429)
  async complete(@Body() dto: CompleteSetupDto): Promise<void> {
    await this.links.complete(dto.token, dto.password);
  }

  @ApiBearerAuth()
  @Get('me/account-events')
  @ApiOperation({
    summary:
      'What happened to the caller\u2019s account (resets, setup links, email changes), newest first, and who did it',
  })
  @ApiPageResponse(AccountEventDto)
  @ApiErrors(400, 401)
  events(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<AccountEvent>> {
    return this.accounts.accountEvents(p, q);
  }

  @ApiBearerAuth()
  @Post('me/email/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm the pending login email: sign-in by email uses it from now on' })
  @ApiNoContentResponse()
  @ApiErrors(401, 409)
  async confirmEmail(@CurrentPrincipal() p: Principal): Promise<void> {
    await this.accounts.confirmPendingEmail(p);
  }

  @ApiBearerAuth()
  @Delete('me/email/pending')
  @HttpCode(204)
  @ApiOperation({ summary: 'Decline the pending login email (idempotent)' })
  @ApiNoContentResponse()
  @ApiErrors(401)
  async declineEmail(@CurrentPrincipal() p: Principal): Promise<void> {
    await this.accounts.declinePendingEmail(p);
  }
}
