import { Module } from '@nestjs/common';
import { OrganisationModule } from '@kompeten/server-organisation';
import { CalendarController } from './calendar.controller';
import { OfferingService } from './offerings/offering.service';
import { RegistrationService } from './registration/registration.service';
import { PresenceCheckService } from './webinar/presence-check.service';
import { WebinarController } from './webinar/webinar.controller';
import { WebinarJoinService } from './webinar/webinar-join.service';

/** The training calendar over HTTP (decisions 0034, 0038). */
@Module({
  imports: [OrganisationModule],
  controllers: [CalendarController, WebinarController],
  providers: [OfferingService, RegistrationService, WebinarJoinService, PresenceCheckService],
  exports: [RegistrationService],
})
export class CalendarModule {}
