import { Module } from '@nestjs/common';
import { diskUploadModule } from '@kompeten/server-core';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AuthorInvitationController } from './authoring/author-invitation.controller';
import { AuthorInvitationService } from './authoring/author-invitation.service';
import { CourseController } from './authoring/course.controller';
import { CourseService } from './authoring/course.service';
import { OutlineService } from './authoring/outline.service';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogService } from './catalog/catalog.service';
import { CourseFileController } from './files/course-file.controller';
import { CourseFileService } from './files/course-file.service';
import { MAX_COURSE_FILE_BYTES } from './files/file-types';
import { CoursePreviewController } from './preview/preview.controller';
import { CoursePreviewService } from './preview/preview.service';
import { PublishedVersions } from './versions/published-versions';
import { CourseVisibilityService } from './visibility/course-visibility';
import { WorkflowController } from './workflow/workflow.controller';
import { WorkflowService } from './workflow/workflow.service';

/** Published versions (one reader, one cache) without HTTP: what the enrolment and assessment libs and the worker read. */
@Module({
  providers: [PublishedVersions],
  exports: [PublishedVersions],
})
export class LearningCoreModule {}

/**
 * Course authoring, review workflow, versions, files and the catalog (docs/learning.md).
 * Quiz snapshots come through QUIZ_SNAPSHOT_PORT, bound by the assessment lib (which depends on this one).
 */
@Module({
  imports: [OrganisationModule, LearningCoreModule, diskUploadModule(MAX_COURSE_FILE_BYTES)],
  controllers: [
    CourseController,
    WorkflowController,
    CourseFileController,
    CatalogController,
    AuthorInvitationController,
    CoursePreviewController,
  ],
  providers: [
    CourseService,
    OutlineService,
    WorkflowService,
    CourseFileService,
    CatalogService,
    CourseVisibilityService,
    AuthorInvitationService,
    CoursePreviewService,
  ],
  exports: [CourseService, WorkflowService, CourseVisibilityService, LearningCoreModule],
})
export class LearningModule {}
