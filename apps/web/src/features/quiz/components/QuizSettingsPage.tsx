import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { GRADING_METHODS, QUIZ_ROLES, REVIEW_POLICIES, TIME_ZONE_LABEL, type Quiz } from '@kompeten/shared-contracts';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { useQuizLabels } from '../labels';
import { useCategories, useQuiz, useUpdateQuiz } from '../queries';
import { ZonedDateTimeInput } from '../../../shared/components/ZonedDateTimeInput';
import {
  closesAtProblem,
  drawCountProblem,
  maxAttemptsProblem,
  passPercentProblem,
  quizUpdateOf,
  settingsFormValues,
  timeLimitProblem,
  UNCATEGORISED,
  type SettingsFormValues,
  type SettingsProblem,
} from '../quiz-settings-form';

/** /kursus/:courseId/kuis/:quizId — quiz settings (docs/learning.md, "Quiz settings"). */
export function QuizSettingsPage() {
  const { courseId = '', quizId = '' } = useParams<{ courseId: string; quizId: string }>();
  const { t } = useTranslation('quiz');
  const quiz = useQuiz(quizId);
  useDocumentTitle(quiz.data ? `${quiz.data.title} · ${t('settings.title')}` : t('settings.title'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/kursus/${courseId}/kuis`} size="sm">
        ← {t('settings.back')}
      </Anchor>
      {quiz.isPending && <LoadingBlock />}
      {quiz.isError && <ErrorAlert error={quiz.error} onRetry={() => void quiz.refetch()} />}
      {quiz.data && <QuizSettingsForm key={quiz.data.updatedAt} courseId={courseId} quiz={quiz.data} />}
    </Stack>
  );
}

function QuizSettingsForm({ courseId, quiz }: { courseId: string; quiz: Quiz }) {
  const { t } = useTranslation('quiz');
  const labels = useQuizLabels();
  const { me } = useAuth();
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';
  const categories = useCategories(courseId);
  const mutation = useUpdateQuiz(courseId, quiz.id);
  const {
    register,
    control,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SettingsFormValues>({ defaultValues: settingsFormValues(quiz, timeZone) });
  const draw = useFieldArray({ control, name: 'draw', keyName: 'key' });
  const zone = TIME_ZONE_LABEL[timeZone];
  const message = (problem: SettingsProblem | null) => (problem ? t(problem) : true);

  const submit = handleSubmit(async (v) => {
    try {
      await mutation.mutateAsync(quizUpdateOf(v, timeZone));
      notify({ color: 'kompeten', message: t('settings.saved') });
    } catch {
      // Shown below.
    }
  });

  const categoryOptions = [
    { value: UNCATEGORISED, label: t('bank.uncategorised') },
    ...(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.questionCount})` })),
  ];

  return (
    <Card component="section" aria-labelledby="quiz-settings-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="lg">
          <Title order={2} id="quiz-settings-heading">
            {t('settings.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('settings.quizTitle')}
              required
              error={errors.title?.message}
              {...register('title', { validate: (v) => v.trim().length > 0 || t('required') })}
            />
            <Controller
              control={control}
              name="role"
              render={({ field }) => (
                <Select
                  label={t('settings.role')}
                  description={t('settings.roleHint')}
                  data={QUIZ_ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
          </SimpleGrid>

          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Text component="legend" fw={600} size="sm">
              {t('settings.draw')}
            </Text>
            <Text size="sm" c="dimmed">
              {draw.fields.length === 0 ? t('settings.drawAll') : t('settings.drawHint')}
            </Text>
            {draw.fields.map((rule, i) => (
              <Group key={rule.key} align="flex-end" gap="xs" wrap="wrap">
                <Controller
                  control={control}
                  name={`draw.${i}.categoryId`}
                  render={({ field }) => (
                    <Select
                      label={t('settings.drawCategory', { n: i + 1 })}
                      data={categoryOptions}
                      value={field.value}
                      onChange={(v) => v && field.onChange(v)}
                      allowDeselect={false}
                      style={{ flex: '1 1 220px' }}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name={`draw.${i}.count`}
                  rules={{ validate: (v) => message(drawCountProblem(v)) }}
                  render={({ field }) => (
                    <NumberInput
                      label={t('settings.drawCount', { n: i + 1 })}
                      min={1}
                      max={500}
                      allowDecimal={false}
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.draw?.[i]?.count?.message}
                      w={140}
                    />
                  )}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('settings.removeDraw', { n: i + 1 })}
                  onClick={() => draw.remove(i)}
                >
                  <span aria-hidden>×</span>
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() => draw.append({ categoryId: categories.data?.[0]?.id ?? UNCATEGORISED, count: 5 })}
              >
                {t('settings.addDraw')}
              </Button>
            </Group>
          </Stack>

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={control}
              name="timeLimitMinutes"
              rules={{ validate: (v) => message(timeLimitProblem(v)) }}
              render={({ field }) => (
                <NumberInput
                  label={t('settings.timeLimitMinutes')}
                  description={t('settings.emptyNoLimit')}
                  min={1}
                  max={1440}
                  allowDecimal={false}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.timeLimitMinutes?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="maxAttempts"
              rules={{ validate: (v) => message(maxAttemptsProblem(v)) }}
              render={({ field }) => (
                <NumberInput
                  label={t('settings.maxAttempts')}
                  description={t('settings.emptyUnlimited')}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.maxAttempts?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="opensAt"
              render={({ field }) => (
                <ZonedDateTimeInput
                  label={t('settings.opensAt', { zone })}
                  description={t('settings.emptyAlways')}
                  value={field.value}
                  onChange={field.onChange}
                />
              )}
            />
            <Controller
              control={control}
              name="closesAt"
              rules={{
                validate: (v) => message(closesAtProblem({ opensAt: getValues('opensAt'), closesAt: v }, timeZone)),
              }}
              render={({ field }) => (
                <ZonedDateTimeInput
                  label={t('settings.closesAt', { zone })}
                  description={t('settings.emptyAlways')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.closesAt?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="passPercent"
              rules={{ validate: (v) => message(passPercentProblem(v)) }}
              render={({ field }) => (
                <NumberInput
                  label={t('settings.passPercent')}
                  required
                  min={0}
                  max={100}
                  suffix="%"
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.passPercent?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="gradingMethod"
              render={({ field }) => (
                <Select
                  label={t('settings.gradingMethod')}
                  data={GRADING_METHODS.map((g) => ({ value: g, label: labels.gradingMethod(g) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name="reviewPolicy"
              render={({ field }) => (
                <Select
                  label={t('settings.reviewPolicy')}
                  data={REVIEW_POLICIES.map((r) => ({ value: r, label: labels.reviewPolicy(r) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name="shuffleOptions"
              render={({ field }) => (
                <Switch
                  label={t('settings.shuffleOptions')}
                  checked={field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  mt="lg"
                />
              )}
            />
          </SimpleGrid>

          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Group>
            <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
