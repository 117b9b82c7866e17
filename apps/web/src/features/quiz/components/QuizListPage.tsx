import { useState } from 'react';
import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { QUIZ_ROLES, type Quiz, type QuizRole } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useCourse } from '../../courses/queries';
import { useQuizLabels } from '../labels';
import { formatPercent } from '../../../shared/format';
import { useCreateQuiz, useQuizzes } from '../queries';

/** /kursus/:courseId/kuis — the course's quizzes; a quiz lesson picks one of them. */
export function QuizListPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t, i18n } = useTranslation('quiz');
  const { t: tc } = useTranslation();
  const labels = useQuizLabels();
  const navigate = useNavigate();
  const course = useCourse(courseId);
  const quizzes = useQuizzes(courseId);
  const create = useCreateQuiz(courseId);
  const [title, setTitle] = useState('');
  const [role, setRole] = useState<QuizRole>('quiz');
  useDocumentTitle(course.data ? `${course.data.title} · ${t('list.title')}` : t('list.title'));

  const onCreate = async () => {
    if (!title.trim()) return;
    try {
      const quiz = await create.mutateAsync({ title: title.trim(), settings: { role } });
      void navigate(`/kursus/${courseId}/kuis/${quiz.id}`);
    } catch {
      // Shown below.
    }
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="quizzes-heading">
      <Stack gap={2}>
        <Title order={2} id="quizzes-heading">
          {t('list.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('list.intro')}
        </Text>
      </Stack>
      {quizzes.isError && <ErrorAlert error={quizzes.error} onRetry={() => void quizzes.refetch()} />}
      <DataTable<Quiz>
        caption={t('list.title')}
        rows={quizzes.data}
        loading={quizzes.isPending}
        busy={quizzes.isFetching}
        rowKey={(q) => q.id}
        empty={t('list.empty')}
        minWidth={560}
        columns={[
          {
            key: 'title',
            header: t('settings.quizTitle'),
            cell: (q) => (
              <Anchor component={Link} to={`/kursus/${courseId}/kuis/${q.id}`} fw={500} size="sm">
                {q.title}
              </Anchor>
            ),
          },
          { key: 'role', header: t('settings.role'), cell: (q) => labels.role(q.settings.role), nowrap: true },
          {
            key: 'limit',
            header: t('settings.timeLimit'),
            cell: (q) =>
              q.settings.timeLimitSeconds
                ? t('minutes', { count: Math.round(q.settings.timeLimitSeconds / 60) })
                : t('noLimit'),
            nowrap: true,
          },
          {
            key: 'pass',
            header: t('settings.passPercent'),
            cell: (q) => formatPercent(q.settings.passPercent, i18n.language),
            align: 'right',
            nowrap: true,
          },
          {
            key: 'attempts',
            header: t('settings.maxAttempts'),
            cell: (q) => q.settings.maxAttempts ?? tc('none'),
            align: 'right',
            nowrap: true,
          },
        ]}
      />
      <Card component="form" padding="md" onSubmit={(event) => (event.preventDefault(), void onCreate())}>
        <Stack gap="sm">
          <Title order={3}>{t('list.create')}</Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('settings.quizTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={200}
              style={{ flex: '1 1 240px' }}
            />
            <Select
              label={t('settings.role')}
              data={QUIZ_ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
              value={role}
              onChange={(v) => v && setRole(v as QuizRole)}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
            />
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              {t('list.createButton')}
            </Button>
          </Group>
          {create.isError && <ErrorAlert error={create.error} />}
        </Stack>
      </Card>
    </Stack>
  );
}
