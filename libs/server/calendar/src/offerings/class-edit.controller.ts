import { Body, Controller, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClassEditAnswer, TrainingClass } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { TrainingClassDto } from '../dto/calendar.dto';
import { CancelClassDto, ClassEditAnswerDto, UpdateClassDto } from './class-edit.dto';
import { ClassEditService } from './class-edit.service';

/** Class edits and cancellation (issue 18, decision 0040): admins of the organising agency, as for creation. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(400, 401, 404, 409)
@Controller('calendar/classes')
export class ClassEditController {
  constructor(
    @Inject(ClassEditService) private readonly edits: ClassEditService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Patch(':classId')
  @ApiOperation({
    summary: 'Edit a class: name, schedule, venue, meeting link, speakers, registration close, cancellation deadline',
    description:
      'Seats, quotas, mode and the registration opening are fixed. The schedule is read in the organising agency’s zone and changes only before the class starts; sessions are recomputed. Every change bumps the class’s SEQUENCE (sending what is there changes nothing). A schedule that would give a registrant holding a seat (confirmed or pending approval) two overlapping classes is refused: 409 CALENDAR.SCHEDULE_CONFLICT, the message says how many registrants, details lists them (registrationId, employeeId, employeeName, otherClassId, otherClassTitle; at most 200), and nothing is saved. 409 CALENDAR.CLASS_NOT_EDITABLE for a cancelled or finished class (or a schedule change once started).',
  })
  @ApiOkResponse({ type: ClassEditAnswerDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) id: string,
    @Body() dto: UpdateClassDto,
  ): Promise<ClassEditAnswer> {
    return this.edits.update(await this.org.scopeOf(p), id, dto);
  }

  @Post(':classId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a class with a reason: no more registrations; live registrations are closed as cancelled',
    description:
      'The class stays visible as cancelled (and STATUS:CANCELLED in the feeds). Cancelling a cancelled class answers it unchanged; a finished class answers 409 CALENDAR.CLASS_NOT_EDITABLE.',
  })
  @ApiOkResponse({ type: TrainingClassDto })
  async cancel(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) id: string,
    @Body() dto: CancelClassDto,
  ): Promise<TrainingClass> {
    return this.edits.cancel(await this.org.scopeOf(p), id, dto);
  }
}
