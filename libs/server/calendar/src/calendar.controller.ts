import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  ClassRegistration,
  Page,
  RegistrationAnswer,
  TrainingClass,
  TrainingOffering,
} from '@kompeten/shared-contracts';
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
  ClassQueryDto,
  ClassRegistrationDto,
  CreateClassDto,
  CreateOfferingDto,
  DecisionDto,
  NominateDto,
  RegistrationAnswerDto,
  RegistrationQueryDto,
  TrainingClassDto,
  TrainingOfferingDto,
} from './dto/calendar.dto';
import { OfferingService } from './offerings/offering.service';
import { RegistrationService } from './registration/registration.service';

/** The training calendar (issue 18, decision 0034): offerings, classes with agency quotas, registrations. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('calendar')
export class CalendarController {
  constructor(
    @Inject(OfferingService) private readonly offerings: OfferingService,
    @Inject(RegistrationService) private readonly registrations: RegistrationService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  // ---- admin: offerings and classes -------------------------------------------------------------

  @Post('offerings')
  @ApiOperation({ summary: 'Create a training offering (province/agency admins of the organising agency)' })
  @ApiCreatedResponse({ type: TrainingOfferingDto })
  @ApiErrors(404)
  async createOffering(@CurrentPrincipal() p: Principal, @Body() dto: CreateOfferingDto): Promise<TrainingOffering> {
    return this.offerings.createOffering(await this.org.scopeOf(p), dto);
  }

  @Get('offerings')
  @ApiOperation({ summary: 'Offerings organised by the agencies the caller administers, newest first' })
  @ApiPageResponse(TrainingOfferingDto)
  @ApiErrors(403)
  async listOfferings(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<TrainingOffering>> {
    return this.offerings.listOfferings(await this.org.scopeOf(p), q);
  }

  @Get('offerings/:offeringId')
  @ApiOperation({ summary: 'One offering (admins of the organising agency)' })
  @ApiOkResponse({ type: TrainingOfferingDto })
  @ApiErrors(404)
  async getOffering(
    @CurrentPrincipal() p: Principal,
    @Param('offeringId', uuid()) id: string,
  ): Promise<TrainingOffering> {
    return this.offerings.getOffering(await this.org.scopeOf(p), id);
  }

  @Post('offerings/:offeringId/classes')
  @ApiOperation({
    summary: 'Add a class (angkatan) with its schedule, seats and agency quotas',
    description:
      'The schedule is read in the organising agency’s zone. Quotas name agencies of the organising agency’s tree and sum to at most the seats; the rest is open to all, and from quotaReleaseAt every unused seat is.',
  })
  @ApiCreatedResponse({ type: TrainingClassDto })
  @ApiErrors(404)
  async createClass(
    @CurrentPrincipal() p: Principal,
    @Param('offeringId', uuid()) offeringId: string,
    @Body() dto: CreateClassDto,
  ): Promise<TrainingClass> {
    return this.offerings.createClass(await this.org.scopeOf(p), offeringId, dto);
  }

  @Get('classes')
  @ApiOperation({
    summary:
      'Classes: for a learner those organised by their agency or one above it; for an admin its agencies’ classes',
  })
  @ApiPageResponse(TrainingClassDto)
  async listClasses(@CurrentPrincipal() p: Principal, @Query() q: ClassQueryDto): Promise<Page<TrainingClass>> {
    return this.offerings.listClasses(await this.org.scopeOf(p), q);
  }

  @Get('classes/:classId')
  @ApiOperation({ summary: 'One class with its quotas and seat counts' })
  @ApiOkResponse({ type: TrainingClassDto })
  @ApiErrors(404)
  async getClass(@CurrentPrincipal() p: Principal, @Param('classId', uuid()) id: string): Promise<TrainingClass> {
    return this.offerings.getClass(await this.org.scopeOf(p), id);
  }

  @Get('classes/:classId/registrations')
  @ApiOperation({ summary: 'A class’s registrations in arrival order (admins of the organising agency)' })
  @ApiPageResponse(ClassRegistrationDto)
  @ApiErrors(404)
  async classRegistrations(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) id: string,
    @Query() q: RegistrationQueryDto,
  ): Promise<Page<ClassRegistration>> {
    return this.registrations.forClass(await this.org.scopeOf(p), id, q);
  }

  // ---- registration -----------------------------------------------------------------------------

  @Post('classes/:classId/registrations')
  @ApiOperation({
    summary:
      'Register for a class: confirmed, pending approval, or waitlisted with a position — or refused with the reason',
    description:
      '201 with the new registration; 200 with the existing one when the caller is registered already (a retry changes nothing). Refusals: 409 CALENDAR.REGISTRATION_CLOSED, 409 CALENDAR.SCHEDULE_CONFLICT, 403 CALENDAR.NOT_ELIGIBLE, 409 CALENDAR.CLASS_FULL (only for a class without a waitlist; otherwise a full quota means waitlisted).',
  })
  @ApiCreatedResponse({ type: RegistrationAnswerDto })
  @ApiOkResponse({ type: RegistrationAnswerDto, description: 'Registered already: the existing registration' })
  @ApiErrors(403, 404, 409)
  async register(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistrationAnswer> {
    const answer = await this.registrations.registerSelf(p, id);
    res.status(answer.alreadyRegistered ? 200 : 201);
    return answer;
  }

  @Post('classes/:classId/nominations')
  @ApiOperation({ summary: 'An HR officer registers an ASN whose record they manage (same answers as registering)' })
  @ApiCreatedResponse({ type: RegistrationAnswerDto })
  @ApiOkResponse({ type: RegistrationAnswerDto, description: 'Registered already: the existing registration' })
  @ApiErrors(403, 404, 409)
  async nominate(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) id: string,
    @Body() dto: NominateDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistrationAnswer> {
    const answer = await this.registrations.nominate(await this.org.scopeOf(p), id, dto.employeeId);
    res.status(answer.alreadyRegistered ? 200 : 201);
    return answer;
  }

  @Post('registrations/:registrationId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel a registration (the learner before the deadline, an admin any time); a freed seat promotes the next waiter',
  })
  @ApiOkResponse({ type: ClassRegistrationDto })
  @ApiErrors(404, 409)
  async cancel(
    @CurrentPrincipal() p: Principal,
    @Param('registrationId', uuid()) id: string,
  ): Promise<ClassRegistration> {
    return this.registrations.cancel(await this.org.scopeOf(p), id);
  }

  @Post('registrations/:registrationId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'The supervisor approves or rejects a pending registration of a direct report' })
  @ApiOkResponse({ type: ClassRegistrationDto })
  @ApiErrors(404, 409)
  async decide(
    @CurrentPrincipal() p: Principal,
    @Param('registrationId', uuid()) id: string,
    @Body() dto: DecisionDto,
  ): Promise<ClassRegistration> {
    return this.registrations.decide(await this.org.scopeOf(p), id, dto.decision, dto.reason ?? null);
  }

  @Get('me/registrations')
  @ApiOperation({ summary: 'The caller’s registrations, with live waitlist positions' })
  @ApiPageResponse(ClassRegistrationDto)
  async mine(@CurrentPrincipal() p: Principal, @Query() q: RegistrationQueryDto): Promise<Page<ClassRegistration>> {
    return this.registrations.mine(p, q);
  }

  @Get('approvals')
  @ApiOperation({ summary: 'Registrations of the caller’s direct reports waiting for the caller’s decision' })
  @ApiPageResponse(ClassRegistrationDto)
  async approvals(
    @CurrentPrincipal() p: Principal,
    @Query() q: RegistrationQueryDto,
  ): Promise<Page<ClassRegistration>> {
    return this.registrations.pendingForSupervisor(await this.org.scopeOf(p), q);
  }
}
