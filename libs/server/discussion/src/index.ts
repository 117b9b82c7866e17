export * from './discussion.module';
export * from './community/community-readers';
export * from './discussion-readers';
export { DiscussionService } from './threads/discussion.service';
export { CommunityService } from './community/community.service';
export * from './entities/discussion-space.entity';
export * from './entities/discussion-thread.entity';
export * from './entities/discussion-post.entity';
export * from './entities/discussion-mention.entity';
export * from './entities/discussion-report.entity';
export * from './entities/discussion-read-marker.entity';
export * from './entities/community.entity';
export * from './entities/community-member.entity';
export * from './entities/community-session.entity';
export * from './entities/community-session-attendee.entity';

import { CommunityMemberEntity } from './entities/community-member.entity';
import { CommunitySessionAttendeeEntity } from './entities/community-session-attendee.entity';
import { CommunitySessionEntity } from './entities/community-session.entity';
import { CommunityEntity } from './entities/community.entity';
import { DiscussionMentionEntity } from './entities/discussion-mention.entity';
import { DiscussionPostEntity } from './entities/discussion-post.entity';
import { DiscussionReadMarkerEntity } from './entities/discussion-read-marker.entity';
import { DiscussionReportEntity } from './entities/discussion-report.entity';
import { DiscussionSpaceEntity } from './entities/discussion-space.entity';
import { DiscussionThreadEntity } from './entities/discussion-thread.entity';
export const DISCUSSION_ENTITIES = [
  DiscussionSpaceEntity,
  DiscussionThreadEntity,
  DiscussionPostEntity,
  DiscussionMentionEntity,
  DiscussionReportEntity,
  DiscussionReadMarkerEntity,
  CommunityEntity,
  CommunityMemberEntity,
  CommunitySessionEntity,
  CommunitySessionAttendeeEntity,
];
