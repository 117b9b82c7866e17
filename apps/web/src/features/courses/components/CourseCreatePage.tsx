import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { AUTHOR_ROLES } from '../../../shared/layout/nav-items';
import { notify } from '../../../shared/notify';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useCreateCourse } from '../queries';
import { courseFormValues } from '../course-form';
import { CourseForm } from './CourseForm';

export function CourseCreatePage() {
  const { t } = useTranslation('courses');
  const { me } = useAuth();
  const navigate = useNavigate();
  const mutation = useCreateCourse();
  useDocumentTitle(t('createTitle'));

  // The agencies where the user may author: one option per agency of an author role.
  const agencyOptions = [
    ...new Map(
      (me?.roles ?? [])
        .filter((r) => AUTHOR_ROLES.includes(r.role))
        .map((r) => [r.agencyId, { value: r.agencyId, label: r.agencyName }]),
    ).values(),
  ];

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kursus" size="sm">
        ← {t('backToList')}
      </Anchor>
      <Stack gap={2}>
        <Title order={1}>{t('createTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('createIntro')}
        </Text>
      </Stack>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Card>
        <CourseForm
          defaultValues={courseFormValues(undefined, agencyOptions.length === 1 ? agencyOptions[0].value : '')}
          agencyOptions={agencyOptions}
          submitLabel={t('create')}
          onSubmit={async (values) => {
            try {
              const course = await mutation.mutateAsync({ ...values, completionRule: { requiredLessons: 'all' } });
              notify({ color: 'kompeten', message: t('created') });
              void navigate(`/kursus/${course.id}/konten`);
            } catch {
              // Shown above from mutation.error.
            }
          }}
        />
      </Card>
    </Stack>
  );
}
