import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type AttendanceResult } from '@kompeten/shared-contracts';
import { invalid, notFound, recordAudit } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import type { AttendanceDto } from './dto/enrolment.dto';
import { EnrolmentVersions } from './enrolment-versions';
import { requireManagedCourse } from './managed-course';
import { ProgressRecorder } from './progress-recorder';
import { lockEnrolmentsOfCourse } from './progress-store';

/** Attendance of live sessions, recorded by the course's authors and admins. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
    @Inject(ProgressRecorder) private readonly recorder: ProgressRecorder,
  ) {}

  /** Records attendance of a live lesson for ASN enrolled in the course (authors, admins); each attendance may complete a course. */
  async recordAttendance(
    scope: AccessScope,
    courseId: string,
    lessonId: string,
    dto: AttendanceDto,
  ): Promise<AttendanceResult> {
    return this.db.transaction(async (m) => {
      const course = await requireManagedCourse(m, scope, courseId);
      const ids = [...new Set(dto.employeeIds)];
      const enrolments = await lockEnrolmentsOfCourse(m, courseId, ids);
      let recorded = 0;
      let liveSeen = false;
      for (const en of enrolments) {
        const version = await this.versions.get(m, en.courseVersionId);
        const lesson = version.lessons.find((l) => l.lesson.id === lessonId)?.lesson;
        if (!lesson) continue;
        if (lesson.content.kind !== 'live')
          throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan sesi langsung');
        liveSeen = true;
        await this.recorder.apply(m, en, lessonId, { complete: true, attended: true }, false);
        recorded++;
      }
      if (!liveSeen && enrolments.length)
        throw notFound(ErrorCode.ENROLMENT_LESSON_NOT_FOUND, 'Sesi tidak ditemukan pada pelatihan ini');
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'lesson.attendance',
          entityType: 'course',
          entityId: courseId,
          agencyId: course.agencyId,
          after: { lessonId, recorded, requested: ids.length },
        },
      );
      return { recorded, notEnrolled: ids.length - recorded };
    });
  }
}
