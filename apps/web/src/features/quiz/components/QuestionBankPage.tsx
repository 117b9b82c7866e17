import { useState } from 'react';
import { Badge, Button, Card, Grid, Group, NavLink, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { QUESTION_KINDS, type Question, type QuestionKind } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { ConfirmModal } from '../../courses/components/ConfirmModal';
import { useCourse } from '../../courses/queries';
import { QuestionExportMenu } from '../../question-import/components/QuestionExportMenu';
import { QuestionImportModal } from '../../question-import/components/QuestionImportModal';
import { useQuizLabels } from '../labels';
import { useCategories, useCreateCategory, useQuestionMutations, useQuestions } from '../queries';
import { QuestionEditorModal } from './QuestionEditorModal';
import { richTextToPlain } from '../../../shared/rich-text/display';

const ALL = 'all';

/** /kursus/:courseId/bank-soal — categories and questions of the course's bank. */
export function QuestionBankPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t } = useTranslation('quiz');
  const { t: tc } = useTranslation();
  const { t: ti } = useTranslation('questionImport');
  const labels = useQuizLabels();
  const course = useCourse(courseId);
  useDocumentTitle(course.data ? `${course.data.title} · ${t('bank.title')}` : t('bank.title'));

  const { values, page, update } = useSearchParamState(['categoryId', 'kind'] as const);
  const kind = (QUESTION_KINDS as readonly string[]).includes(values.kind) ? (values.kind as QuestionKind) : undefined;
  const categoryId = values.categoryId || undefined;
  const categories = useCategories(courseId);
  const createCategory = useCreateCategory(courseId);
  const questions = useQuestions(courseId, { categoryId, kind, page, pageSize: DEFAULT_PAGE_SIZE });
  const { remove } = useQuestionMutations(courseId);

  const [newCategory, setNewCategory] = useState('');
  const [editing, setEditing] = useState<{ question?: Question } | null>(null);
  const [deleting, setDeleting] = useState<Question | null>(null);
  const [importing, setImporting] = useState(false);

  const categoryName = (id: string | null) =>
    id ? (categories.data?.find((c) => c.id === id)?.name ?? tc('none')) : t('bank.uncategorised');

  const addCategory = async () => {
    const name = newCategory.trim();
    if (!name) return;
    try {
      await createCategory.mutateAsync(name);
      setNewCategory('');
    } catch {
      // Shown below.
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      notify({ color: 'kompeten', message: t('bank.deleted') });
      setDeleting(null);
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card component="section" aria-labelledby="categories-heading" padding="md">
          <Stack gap="sm">
            <Title order={2} size="h3" id="categories-heading">
              {t('bank.categories')}
            </Title>
            {categories.isError && <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />}
            <nav aria-label={t('bank.categories')}>
              <NavLink
                component="button"
                label={t('bank.allCategories')}
                active={!values.categoryId}
                onClick={() => update({ categoryId: null })}
                aria-current={!values.categoryId || undefined}
              />
              {categories.data?.map((c) => (
                <NavLink
                  key={c.id}
                  component="button"
                  label={c.name}
                  rightSection={
                    <Badge size="sm" variant="light" color="gray">
                      {c.questionCount}
                    </Badge>
                  }
                  active={values.categoryId === c.id}
                  aria-current={values.categoryId === c.id || undefined}
                  onClick={() => update({ categoryId: c.id })}
                />
              ))}
            </nav>
            {categories.isPending && (
              <Text size="sm" c="dimmed">
                {tc('loading')}
              </Text>
            )}
            <form onSubmit={(event) => (event.preventDefault(), void addCategory())}>
              <Stack gap="xs">
                <TextInput
                  label={t('bank.newCategory')}
                  value={newCategory}
                  onChange={(e) => setNewCategory(e.currentTarget.value)}
                  maxLength={200}
                />
                <Button
                  type="submit"
                  size="xs"
                  variant="light"
                  loading={createCategory.isPending}
                  disabled={!newCategory.trim()}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('bank.addCategory')}
                </Button>
                {createCategory.isError && <ErrorAlert error={createCategory.error} />}
              </Stack>
            </form>
          </Stack>
        </Card>
      </Grid.Col>

      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="sm" component="section" aria-labelledby="questions-heading">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <Title order={2} id="questions-heading">
              {t('bank.title')}
            </Title>
            <Group gap="xs" wrap="wrap">
              <QuestionExportMenu
                courseId={courseId}
                category={categoryId ? categories.data?.find((c) => c.id === categoryId) : undefined}
                disabled={questions.data?.total === 0}
              />
              <Button variant="default" onClick={() => setImporting(true)} disabled={!categories.data}>
                {ti('importButton')}
              </Button>
              <Button onClick={() => setEditing({})} disabled={!categories.data}>
                {t('bank.addQuestion')}
              </Button>
            </Group>
          </Group>
          <Select
            label={t('bank.kindFilter')}
            data={[
              { value: ALL, label: tc('all') },
              ...QUESTION_KINDS.map((k) => ({ value: k, label: labels.questionKind(k) })),
            ]}
            value={kind ?? ALL}
            onChange={(v) => update({ kind: v === ALL ? null : v })}
            allowDeselect={false}
            maw={320}
          />
          {questions.isError && <ErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />}
          <DataTable<Question>
            caption={t('bank.listCaption')}
            rows={questions.data?.items}
            loading={questions.isPending}
            busy={questions.isFetching}
            rowKey={(q) => q.id}
            empty={values.categoryId || kind ? tc('noResults') : t('bank.empty')}
            minWidth={620}
            columns={[
              {
                key: 'prompt',
                header: t('editor.prompt'),
                cell: (q) => (
                  <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {richTextToPlain(q.prompt)}
                  </Text>
                ),
              },
              { key: 'kind', header: t('editor.kind'), cell: (q) => labels.questionKind(q.kind), nowrap: true },
              { key: 'category', header: t('editor.category'), cell: (q) => categoryName(q.categoryId) },
              { key: 'points', header: t('editor.points'), cell: (q) => q.points, align: 'right', nowrap: true },
              {
                key: 'actions',
                header: t('actions'),
                hiddenHeader: true,
                nowrap: true,
                cell: (q) => (
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setEditing({ question: q })}
                      aria-label={t('bank.editQuestion', { n: richTextToPlain(q.prompt).slice(0, 40) })}
                    >
                      {t('edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeleting(q)}
                      aria-label={t('bank.deleteQuestion', { n: richTextToPlain(q.prompt).slice(0, 40) })}
                    >
                      {t('delete')}
                    </Button>
                  </Group>
                ),
              },
            ]}
          />
          {questions.data && (
            <PaginationBar
              page={questions.data.page}
              pageSize={questions.data.pageSize}
              total={questions.data.total}
              onChange={(p) => update({ page: p })}
            />
          )}
        </Stack>
      </Grid.Col>

      {editing && categories.data && (
        <QuestionEditorModal
          courseId={courseId}
          categories={categories.data}
          question={editing.question}
          defaultCategoryId={categoryId}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && categories.data && (
        <QuestionImportModal
          courseId={courseId}
          categories={categories.data}
          defaultCategoryId={categoryId}
          onClose={() => setImporting(false)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('bank.deleteTitle')}
        confirmLabel={t('delete')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
      >
        <Text size="sm">{t('bank.deleteConfirm')}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </Grid>
  );
}
