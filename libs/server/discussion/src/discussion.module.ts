import { Module } from '@nestjs/common';
import { OrganisationModule } from '@kompeten/server-organisation';
import { SpaceAccess } from './access/space-access';
import { CommunityController } from './community/community.controller';
import { CommunityService } from './community/community.service';
import { DiscussionController } from './discussion.controller';
import { DiscussionService } from './threads/discussion.service';

/**
 * Discussions of courses, classes and communities, and communities of practice (issue 18, decision 0039). Mentions
 * and replies reach people through the notification lib's job; community sessions reach the JP ledger through JP's.
 */
@Module({
  imports: [OrganisationModule],
  controllers: [DiscussionController, CommunityController],
  providers: [SpaceAccess, DiscussionService, CommunityService],
  exports: [DiscussionService, CommunityService],
})
export class DiscussionModule {}
