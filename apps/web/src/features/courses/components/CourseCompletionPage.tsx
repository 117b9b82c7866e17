import { Button, Card, Checkbox, Group, NumberInput, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import type { CompletionRule } from '@kompeten/shared-contracts';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import type { Course } from '../api';
import { type CourseLesson } from '@kompeten/shared-contracts';
import { useCourse, useUpdateCourse } from '../queries';
import { DANGER_TEXT } from '../colors';

interface RuleFormValues {
  requiredMode: 'all' | 'selected';
  requiredLessons: string[];
  passQuizzes: string[];
  usePostTest: boolean;
  minPostTestPercent: number | string;
  passAssignments: string[];
  minLiveAttendance: number | string;
  /** Minimum times (docs/learning.md, "Minimum time"); '' for none. */
  minMinutes: number | string;
  lessonMinMinutes: Record<string, number | string>;
}

function formValues(rule: CompletionRule | undefined, lessonIds: Set<string>): RuleFormValues {
  const known = (ids: string[] | undefined) => (ids ?? []).filter((id) => lessonIds.has(id));
  return {
    requiredMode: !rule || rule.requiredLessons === 'all' ? 'all' : 'selected',
    requiredLessons: rule && rule.requiredLessons !== 'all' ? known(rule.requiredLessons) : [],
    passQuizzes: known(rule?.passQuizzes),
    usePostTest: rule?.minPostTestPercent !== undefined && rule?.minPostTestPercent !== null,
    minPostTestPercent: rule?.minPostTestPercent ?? 70,
    passAssignments: known(rule?.passAssignments),
    minLiveAttendance: rule?.minLiveAttendance ?? 0,
    minMinutes: rule?.minMinutes ?? '',
    lessonMinMinutes: Object.fromEntries([...lessonIds].map((id) => [id, rule?.lessonMinMinutes?.[id] ?? ''])),
  };
}

function ruleOf(v: RuleFormValues): CompletionRule {
  const rule: CompletionRule = { requiredLessons: v.requiredMode === 'all' ? 'all' : v.requiredLessons };
  if (v.passQuizzes.length) rule.passQuizzes = v.passQuizzes;
  if (v.usePostTest) rule.minPostTestPercent = Number(v.minPostTestPercent);
  if (v.passAssignments.length) rule.passAssignments = v.passAssignments;
  if (Number(v.minLiveAttendance) > 0) rule.minLiveAttendance = Number(v.minLiveAttendance);
  if (Number(v.minMinutes) > 0) rule.minMinutes = Number(v.minMinutes);
  const perLesson = Object.entries(v.lessonMinMinutes).filter(([, n]) => Number(n) > 0);
  if (perLesson.length) rule.lessonMinMinutes = Object.fromEntries(perLesson.map(([id, n]) => [id, Number(n)]));
  return rule;
}

function LessonChecklist({
  course,
  value,
  onChange,
  filter,
  legend,
  empty,
}: {
  course: Course;
  value: string[];
  onChange: (ids: string[]) => void;
  filter?: (l: CourseLesson) => boolean;
  legend: string;
  empty: string;
}) {
  const groups = course.modules
    .map((m) => ({ module: m, lessons: m.lessons.filter(filter ?? (() => true)) }))
    .filter((g) => g.lessons.length > 0);
  return (
    <Checkbox.Group label={legend} value={value} onChange={onChange}>
      <Stack gap="xs" mt="xs">
        {groups.length === 0 && (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
        {groups.map(({ module, lessons }) => (
          <Stack key={module.id} gap={4}>
            <Text size="sm" fw={600}>
              {module.title}
            </Text>
            {lessons.map((lesson) => (
              <Checkbox key={lesson.id} value={lesson.id} label={lesson.title} ml="sm" />
            ))}
          </Stack>
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** /kursus/:courseId/kelulusan — the completion rule (docs/learning.md, "Completion rule format"). */
export function CourseCompletionPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const course = useCourse(courseId);
  if (!course.data) return null;
  return <CompletionRuleForm key={course.data.updatedAt} course={course.data} />;
}

function CompletionRuleForm({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const mutation = useUpdateCourse(course.id);
  useDocumentTitle(`${course.title} · ${t('sections.completion')}`);
  const lessons = course.modules.flatMap((m) => m.lessons);
  const liveCount = lessons.filter((l) => l.kind === 'live').length;
  const {
    control,
    handleSubmit,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<RuleFormValues>({ defaultValues: formValues(course.completionRule, new Set(lessons.map((l) => l.id))) });
  const requiredMode = useWatch({ control, name: 'requiredMode' });
  const usePostTest = useWatch({ control, name: 'usePostTest' });
  const readOnly = !course.can.edit;

  const submit = handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync({ completionRule: ruleOf(values) });
      notify({ color: 'kompeten', message: t('saved') });
    } catch {
      // Shown below.
    }
  });

  return (
    <Card component="section" aria-labelledby="completion-heading">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="lg">
            <Stack gap={2}>
              <Title order={2} id="completion-heading">
                {t('sections.completion')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('rule.intro')}
              </Text>
            </Stack>

            <Controller
              control={control}
              name="requiredMode"
              render={({ field }) => (
                <Radio.Group label={t('rule.requiredLessons')} value={field.value} onChange={field.onChange}>
                  <Stack gap="xs" mt="xs">
                    <Radio value="all" label={t('rule.allLessons')} />
                    <Radio value="selected" label={t('rule.selectedLessons')} />
                  </Stack>
                </Radio.Group>
              )}
            />
            {requiredMode === 'selected' && (
              <Controller
                control={control}
                name="requiredLessons"
                rules={{ validate: (v) => requiredMode !== 'selected' || v.length > 0 || t('rule.pickOne') }}
                render={({ field }) => (
                  <Stack gap={4} ml={{ base: 0, sm: 'lg' }}>
                    <LessonChecklist
                      course={course}
                      value={field.value}
                      onChange={field.onChange}
                      legend={t('rule.lessonsToComplete')}
                      empty={t('rule.noLessons')}
                    />
                    {errors.requiredLessons && (
                      <Text size="sm" c={DANGER_TEXT} role="alert">
                        {errors.requiredLessons.message}
                      </Text>
                    )}
                  </Stack>
                )}
              />
            )}

            <Controller
              control={control}
              name="passQuizzes"
              render={({ field }) => (
                <LessonChecklist
                  course={course}
                  value={field.value}
                  onChange={field.onChange}
                  filter={(l) => l.kind === 'quiz'}
                  legend={t('rule.passQuizzes')}
                  empty={t('rule.noQuizLessons')}
                />
              )}
            />

            <Stack gap="xs">
              <Controller
                control={control}
                name="usePostTest"
                render={({ field }) => (
                  <Switch
                    label={t('rule.usePostTest')}
                    checked={field.value}
                    onChange={(e) => field.onChange(e.currentTarget.checked)}
                  />
                )}
              />
              {usePostTest && (
                <Controller
                  control={control}
                  name="minPostTestPercent"
                  rules={{
                    validate: (v) => !usePostTest || (Number(v) >= 0 && Number(v) <= 100) || t('rule.percentRange'),
                  }}
                  render={({ field }) => (
                    <NumberInput
                      label={t('rule.minPostTest')}
                      min={0}
                      max={100}
                      suffix="%"
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.minPostTestPercent?.message}
                      maw={240}
                    />
                  )}
                />
              )}
            </Stack>

            <Controller
              control={control}
              name="passAssignments"
              render={({ field }) => (
                <LessonChecklist
                  course={course}
                  value={field.value}
                  onChange={field.onChange}
                  filter={(l) => l.kind === 'assignment'}
                  legend={t('rule.passAssignments')}
                  empty={t('rule.noAssignmentLessons')}
                />
              )}
            />

            <Controller
              control={control}
              name="minLiveAttendance"
              rules={{
                validate: (v) => (Number(v) >= 0 && Number(v) <= liveCount) || t('rule.liveRange', { max: liveCount }),
              }}
              render={({ field }) => (
                <NumberInput
                  label={t('rule.minLiveAttendance')}
                  description={t('rule.liveCount', { count: liveCount })}
                  min={0}
                  max={liveCount}
                  allowDecimal={false}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.minLiveAttendance?.message}
                  maw={320}
                />
              )}
            />

            <Controller
              control={control}
              name="minMinutes"
              rules={{
                validate: (v) =>
                  v === '' ||
                  (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 6000) ||
                  t('learnrec.minutesRange', { max: 6000 }),
              }}
              render={({ field }) => (
                <NumberInput
                  label={t('learnrec.minMinutes')}
                  description={t('learnrec.minMinutesHelp')}
                  min={1}
                  max={6000}
                  allowDecimal={false}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.minMinutes?.message}
                  maw={420}
                />
              )}
            />

            <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Text component="legend" size="sm" fw={500}>
                {t('learnrec.lessonMinutes')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('learnrec.lessonMinutesHelp')}
              </Text>
              {lessons.map((lesson) => (
                <Controller
                  key={lesson.id}
                  control={control}
                  name={`lessonMinMinutes.${lesson.id}`}
                  rules={{
                    validate: (v) =>
                      v === '' ||
                      v === undefined ||
                      (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 600) ||
                      t('learnrec.minutesRange', { max: 600 }),
                  }}
                  render={({ field, fieldState }) => (
                    <NumberInput
                      label={lesson.title}
                      size="xs"
                      min={1}
                      max={600}
                      allowDecimal={false}
                      value={field.value ?? ''}
                      onChange={field.onChange}
                      error={fieldState.error?.message}
                      maw={420}
                    />
                  )}
                />
              ))}
            </Stack>

            {mutation.isError && <ErrorAlert error={mutation.error} />}
            {!readOnly && (
              <Group>
                <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
                  {t('save')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Card>
  );
}
