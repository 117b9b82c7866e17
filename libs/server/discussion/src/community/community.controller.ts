import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Community, CommunityMember, CommunitySession, Page } from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  CommunityDto,
  CommunityMemberDto,
  CommunityQueryDto,
  CommunitySessionDto,
  CreateCommunityDto,
  InviteDto,
  MemberRoleDto,
  RecordSessionDto,
} from '../dto/community.dto';
import { CommunityService } from './community.service';

/**
 * Communities of practice (komunitas belajar, jenis diklat 23; decision 0039). Their discussion is a space of the
 * discussions API (`spaceId`).
 */
@ApiTags('communities')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('communities')
export class CommunityController {
  constructor(
    @Inject(CommunityService) private readonly communities: CommunityService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Open communities, the caller’s own, and those its administered agencies host' })
  @ApiPageResponse(CommunityDto)
  async list(@CurrentPrincipal() p: Principal, @Query() q: CommunityQueryDto): Promise<Page<Community>> {
    return this.communities.list(await this.org.scopeOf(p), q);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a community (a widyaiswara or admin of the host agency, who becomes facilitator)' })
  @ApiCreatedResponse({ type: CommunityDto })
  @ApiErrors(403)
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCommunityDto): Promise<Community> {
    return this.communities.create(await this.org.scopeOf(p), dto);
  }

  @Get(':communityId')
  @ApiOperation({ summary: 'One community' })
  @ApiOkResponse({ type: CommunityDto })
  async get(@CurrentPrincipal() p: Principal, @Param('communityId', uuid()) id: string): Promise<Community> {
    return this.communities.get(await this.org.scopeOf(p), id);
  }

  @Post(':communityId/join')
  @HttpCode(200)
  @ApiOperation({ summary: 'Join an open community, or accept an invitation (again: no change)' })
  @ApiOkResponse({ type: CommunityDto })
  @ApiErrors(403)
  async join(@CurrentPrincipal() p: Principal, @Param('communityId', uuid()) id: string): Promise<Community> {
    return this.communities.join(await this.org.scopeOf(p), id);
  }

  @Post(':communityId/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave a community (not its last facilitator)' })
  @ApiOkResponse({ type: CommunityDto })
  @ApiErrors(409)
  async leave(@CurrentPrincipal() p: Principal, @Param('communityId', uuid()) id: string): Promise<Community> {
    return this.communities.leave(await this.org.scopeOf(p), id);
  }

  @Get(':communityId/members')
  @ApiOperation({ summary: 'Members (for members and facilitators), facilitators first' })
  @ApiPageResponse(CommunityMemberDto)
  @ApiErrors(403)
  async members(
    @CurrentPrincipal() p: Principal,
    @Param('communityId', uuid()) id: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<CommunityMember>> {
    return this.communities.members(await this.org.scopeOf(p), id, q);
  }

  @Post(':communityId/invitations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Invite an ASN of any agency by NIP (facilitators)' })
  @ApiCreatedResponse({ type: CommunityMemberDto })
  @ApiErrors(403)
  async invite(
    @CurrentPrincipal() p: Principal,
    @Param('communityId', uuid()) id: string,
    @Body() dto: InviteDto,
  ): Promise<CommunityMember> {
    return this.communities.invite(await this.org.scopeOf(p), id, dto.nip);
  }

  @Put(':communityId/members/:employeeId/role')
  @ApiOperation({ summary: 'Make an active member a facilitator, or a member again (facilitators)' })
  @ApiOkResponse({ type: CommunityMemberDto })
  @ApiErrors(403)
  async setRole(
    @CurrentPrincipal() p: Principal,
    @Param('communityId', uuid()) id: string,
    @Param('employeeId', uuid()) employeeId: string,
    @Body() dto: MemberRoleDto,
  ): Promise<CommunityMember> {
    return this.communities.setRole(await this.org.scopeOf(p), id, employeeId, dto.role);
  }

  @Get(':communityId/sessions')
  @ApiOperation({ summary: 'Recorded sessions (for members and facilitators), latest first' })
  @ApiPageResponse(CommunitySessionDto)
  @ApiErrors(403)
  async sessions(
    @CurrentPrincipal() p: Principal,
    @Param('communityId', uuid()) id: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<CommunitySession>> {
    return this.communities.sessions(await this.org.scopeOf(p), id, q);
  }

  @Post(':communityId/sessions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a session with its attendees (facilitators)',
    description:
      'Each attendee’s participation is credited to the JP ledger once, by the rules for Komunitas Belajar (jenis diklat 23) of their agency. The same requestId answers the first session.',
  })
  @ApiCreatedResponse({ type: CommunitySessionDto })
  @ApiErrors(403)
  async record(
    @CurrentPrincipal() p: Principal,
    @Param('communityId', uuid()) id: string,
    @Body() dto: RecordSessionDto,
  ): Promise<CommunitySession> {
    return this.communities.recordSession(await this.org.scopeOf(p), id, dto);
  }
}
