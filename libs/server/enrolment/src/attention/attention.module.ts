import { Module } from '@nestjs/common';
import { IdentityModule } from '@kompeten/server-identity';
import { LearningModule } from '@kompeten/server-learning';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AttentionController } from './attention.controller';

/**
 * The admin's attention panel (GET /api/attention): it gathers the review queue (learning), failed imports (identity)
 * and overdue assignments (enrolment), so it needs those libs' HTTP modules. Kept apart from EnrolmentModule, which
 * the enrolment lib's tests boot without identity's HTTP side (auth, JWT).
 */
@Module({
  imports: [OrganisationModule, LearningModule, IdentityModule],
  controllers: [AttentionController],
})
export class AttentionModule {}
