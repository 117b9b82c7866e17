import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CourseAuthorInvitation, IncomingAuthorInvitation, Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  AuthorInvitationQueryDto,
  CourseAuthorInvitationDto,
  IncomingAuthorInvitationDto,
  InviteAuthorDto,
} from '../dto/course.dto';
import { AuthorInvitationService } from './author-invitation.service';

/** Cross-agency co-authoring by invitation (decision 0013). */
@ApiTags('courses')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class AuthorInvitationController {
  constructor(
    @Inject(AuthorInvitationService) private readonly invitations: AuthorInvitationService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('courses/:id/author-invitations')
  @ApiOperation({
    summary:
      'Invite an ASN of another agency by NIP to co-author (the owner or an admin); pending until the invitee\u2019s agency admin accepts. ' +
      'Reveals nothing about the invitee; inviting again while pending answers the same invitation',
  })
  @ApiCreatedResponse({ type: CourseAuthorInvitationDto })
  @ApiErrors(403, 404, 409)
  async invite(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: InviteAuthorDto,
  ): Promise<CourseAuthorInvitation> {
    return this.invitations.invite(await this.org.scopeOf(p), id, dto.nip);
  }

  @Get('courses/:id/author-invitations')
  @ApiOperation({ summary: 'Co-author invitations of a course, newest first (its authors, reviewers and admins)' })
  @ApiPageResponse(CourseAuthorInvitationDto)
  @ApiErrors(404)
  async listForCourse(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Query() q: AuthorInvitationQueryDto,
  ): Promise<Page<CourseAuthorInvitation>> {
    return this.invitations.listForCourse(await this.org.scopeOf(p), id, q);
  }

  @Get('author-invitations')
  @ApiOperation({
    summary: 'Co-author invitations of ASN of the agencies I administer (default: pending), newest first',
  })
  @ApiPageResponse(IncomingAuthorInvitationDto)
  async listIncoming(
    @CurrentPrincipal() p: Principal,
    @Query() q: AuthorInvitationQueryDto,
  ): Promise<Page<IncomingAuthorInvitation>> {
    return this.invitations.listIncoming(await this.org.scopeOf(p), q);
  }

  @Post('author-invitations/:id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept an invitation: the ASN becomes a co-author (an admin of the invitee\u2019s agency; idempotent; refused while the course is in review)',
  })
  @ApiOkResponse({ type: IncomingAuthorInvitationDto })
  @ApiErrors(404, 409)
  async accept(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<IncomingAuthorInvitation> {
    return this.invitations.accept(await this.org.scopeOf(p), id);
  }

  @Post('author-invitations/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation (an admin of the invitee\u2019s agency; idempotent)' })
  @ApiOkResponse({ type: IncomingAuthorInvitationDto })
  @ApiErrors(404, 409)
  async decline(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<IncomingAuthorInvitation> {
    return this.invitations.decline(await this.org.scopeOf(p), id);
  }
}
