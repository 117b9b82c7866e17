import { Module } from '@nestjs/common';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AttendanceController } from './attendance/attendance.controller';
import { AttendanceService } from './attendance/attendance.service';
import { AttendanceTokens } from './attendance/attendance-tokens';
import { CalendarController } from './calendar.controller';
import { FeedService } from './feeds/feed.service';
import { FeedTokenController, PublicFeedsController } from './feeds/feeds.controller';
import { ClassEditController } from './offerings/class-edit.controller';
import { ClassEditService } from './offerings/class-edit.service';
import { CompletionController } from './completion/completion.controller';
import { CompletionService } from './completion/completion.service';
import { OfferingService } from './offerings/offering.service';
import { RegistrationService } from './registration/registration.service';
import { CalendarViewsController } from './views/calendar-views.controller';
import { CalendarViewsService } from './views/calendar-views.service';
import { PresenceCheckService } from './webinar/presence-check.service';
import { WebinarController } from './webinar/webinar.controller';
import { WebinarJoinService } from './webinar/webinar-join.service';

/** The training calendar over HTTP (decisions 0034, 0037, 0038, 0040). */
@Module({
  imports: [OrganisationModule],
  controllers: [
    CalendarController,
    CalendarViewsController,
    ClassEditController,
    FeedTokenController,
    PublicFeedsController,
    WebinarController,
    AttendanceController,
    CompletionController,
  ],
  providers: [
    OfferingService,
    RegistrationService,
    CalendarViewsService,
    ClassEditService,
    FeedService,
    WebinarJoinService,
    PresenceCheckService,
    AttendanceTokens,
    AttendanceService,
    CompletionService,
  ],
  exports: [RegistrationService],
})
export class CalendarModule {}
