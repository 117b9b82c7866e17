import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  Page,
  PasswordResetRequest,
  PasswordResetRequestAccepted,
  ResetAccountResponse,
} from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  Public,
  uuidParam,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { PasswordResetRequestAcceptedDto, PasswordResetRequestDto, PasswordResetRequestViewDto } from '../dto/auth.dto';
import { ResetAccountResponseDto } from '../dto/employee.dto';
import { ResetRequestService } from './reset-request.service';

/** "Lupa kata sandi" without email: the ASN asks (public), the HR officers who manage them answer with a setup link. */
@ApiTags('auth')
@Controller()
export class ResetRequestController {
  constructor(
    @Inject(ResetRequestService) private readonly requests: ResetRequestService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Public()
  @Post('auth/password-reset-requests')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Forgot password: ask the HR officer for a one-time setup link by NIP or login email',
    description:
      'Answers the same 202 whether or not an account matched (no account enumeration). At most one pending request per account: a repeat changes nothing. Spends the per-client request budget (decision 0010).',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestAcceptedDto })
  @ApiErrors(400, 429)
  request(@Body() dto: PasswordResetRequestDto): Promise<PasswordResetRequestAccepted> {
    return this.requests.request(dto.identifier);
  }

  @ApiBearerAuth()
  @Get('password-reset-requests')
  @ApiOperation({
    summary:
      'Pending forgot-password requests of the ASN whose accounts I manage (HR officer, agency admin), oldest first',
  })
  @ApiPageResponse(PasswordResetRequestViewDto)
  @ApiErrors(400, 401)
  async list(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<PasswordResetRequest>> {
    return this.requests.listPending(await this.org.scopeOf(p), q);
  }

  @ApiBearerAuth()
  @Post('password-reset-requests/:id/setup-link')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Answer a forgot-password request: reset the account and issue its one-time setup link (shown once); resolves the request',
    description:
      'The same reset as POST /employees/{id}/account/reset (rank rules, audit). Requests of ASN outside my scope, or already answered, are 404.',
  })
  @ApiOkResponse({ type: ResetAccountResponseDto })
  @ApiErrors(401, 403, 404)
  async issue(@CurrentPrincipal() p: Principal, @Param('id', uuidParam()) id: string): Promise<ResetAccountResponse> {
    return this.requests.issueLink(await this.org.scopeOf(p), id);
  }
}
