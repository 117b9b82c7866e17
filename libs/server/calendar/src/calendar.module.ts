import { Module } from '@nestjs/common';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AttendanceController } from './attendance/attendance.controller';
import { AttendanceService } from './attendance/attendance.service';
import { AttendanceTokens } from './attendance/attendance-tokens';
import { CalendarController } from './calendar.controller';
import { CompletionController } from './completion/completion.controller';
import { CompletionService } from './completion/completion.service';
import { OfferingService } from './offerings/offering.service';
import { RegistrationService } from './registration/registration.service';

/** The training calendar over HTTP (decisions 0034, 0037). */
@Module({
  imports: [OrganisationModule],
  controllers: [CalendarController, AttendanceController, CompletionController],
  providers: [OfferingService, RegistrationService, AttendanceTokens, AttendanceService, CompletionService],
  exports: [RegistrationService],
})
export class CalendarModule {}
