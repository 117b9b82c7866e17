import { Card, Grid, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { useCourse, useUpdateCourse } from '../queries';
import { courseFormValues, courseUpdateOf } from '../course-form';
import { useCourseImageUpload } from '../course-images';
import { CourseForm } from './CourseForm';
import { CourseAuthorsCard, CourseCoverCard, CoursePrerequisitesCard } from './CourseSettingsCards';

/** /kursus/:courseId — the course metadata, its authors and its published versions. */
export function CourseInfoPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t, i18n } = useTranslation('courses');
  const { me } = useAuth();
  const course = useCourse(courseId);
  const mutation = useUpdateCourse(courseId);
  const uploadImage = useCourseImageUpload(courseId);
  useDocumentTitle(course.data ? `${course.data.title} · ${t('sections.info')}` : t('sections.info'));
  if (!course.data) return null;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card component="section" aria-labelledby="course-info-heading">
          <Stack gap="md">
            <Title order={2} id="course-info-heading">
              {t('sections.info')}
            </Title>
            {mutation.isError && <ErrorAlert error={mutation.error} />}
            <CourseForm
              // Re-mount with fresh defaults after each save.
              key={course.data.updatedAt}
              defaultValues={courseFormValues(course.data)}
              submitLabel={t('save')}
              readOnly={!course.data.can.edit}
              onImageUpload={uploadImage}
              onSubmit={async (values) => {
                try {
                  await mutation.mutateAsync(courseUpdateOf(values));
                  notify({ color: 'kompeten', message: t('saved') });
                } catch {
                  // Shown above.
                }
              }}
            />
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <CourseAuthorsCard course={course.data} />
          <CourseCoverCard course={course.data} />
          <CoursePrerequisitesCard course={course.data} />
          <Card component="section" aria-labelledby="course-versions-heading">
            <Title order={2} size="h3" id="course-versions-heading" mb="xs">
              {t('versions')}
            </Title>
            {course.data.versions && course.data.versions.length > 0 ? (
              <List size="sm" spacing={4}>
                {course.data.versions.map((version) => (
                  <List.Item key={version.id}>
                    v{version.versionNo} ·{' '}
                    {formatDateTime(version.publishedAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language)}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('noVersions')}
              </Text>
            )}
          </Card>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
