import { Module } from '@nestjs/common';
import { OrganisationModule } from '@kompeten/server-organisation';
import { CalendarController } from './calendar.controller';
import { OfferingService } from './offerings/offering.service';
import { RegistrationService } from './registration/registration.service';

/** The training calendar over HTTP (decision 0034). */
@Module({
  imports: [OrganisationModule],
  controllers: [CalendarController],
  providers: [OfferingService, RegistrationService],
  exports: [RegistrationService],
})
export class CalendarModule {}
