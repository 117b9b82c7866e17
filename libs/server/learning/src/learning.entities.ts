import { CourseAuthorInvitationEntity } from './entities/course-author-invitation.entity';
import { CourseAuthorEntity } from './entities/course-author.entity';
import { CourseDraftEditorEntity } from './entities/course-draft-editor.entity';
import { CourseFileEntity } from './entities/course-file.entity';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseReviewEventEntity } from './entities/course-review-event.entity';
import { CourseVersionEntity } from './entities/course-version.entity';
import { CourseEntity } from './entities/course.entity';
import { LessonEntity } from './entities/lesson.entity';

export const LEARNING_ENTITIES = [
  CourseEntity,
  CourseAuthorEntity,
  CourseModuleEntity,
  LessonEntity,
  CourseFileEntity,
  CourseVersionEntity,
  CourseReviewEventEntity,
  CourseDraftEditorEntity,
  CourseAuthorInvitationEntity,
];
