import { Anchor, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { LESSON_KINDS, TIME_ZONE_LABEL, type LessonContent, type LessonKind } from '@kompeten/shared-contracts';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useQuizzes } from '../../quiz/queries';
import type { Course, LessonInput } from '../api';
import { type CourseLesson } from '@kompeten/shared-contracts';
import { fromZonedInput, toZonedInput } from '../datetime';
import { optionsOf, useCourseLabels } from '../labels';
import { useLessonMutations } from '../queries';
import { FileUploadField } from './FileUploadField';
import { DANGER_TEXT } from '../colors';
import { ModalActions } from '../../../shared/components/ModalActions';

export type LessonEditorTarget = { mode: 'create'; moduleId: string } | { mode: 'edit'; lesson: CourseLesson };

interface LessonFormValues {
  kind: LessonKind;
  title: string;
  required: boolean;
  html: string;
  videoSource: 'url' | 'file';
  url: string;
  fileId: string;
  fileName: string;
  durationSeconds: number | string;
  completePercent: number | string;
  quizId: string;
  instructions: string;
  maxScore: number | string;
  passScore: number | string;
  startsAt: string;
  endsAt: string;
  joinUrl: string;
}

const URL_PATTERN = /^https?:\/\/\S+$/i;

function initialValues(lesson: CourseLesson | undefined, timeZone: Parameters<typeof toZonedInput>[1]): LessonFormValues {
  const values: LessonFormValues = {
    kind: lesson?.kind ?? 'text',
    title: lesson?.title ?? '',
    required: lesson?.required ?? true,
    html: '',
    videoSource: 'url',
    url: '',
    fileId: '',
    fileName: '',
    durationSeconds: '',
    completePercent: 90,
    quizId: '',
    instructions: '',
    maxScore: 100,
    passScore: 70,
    startsAt: '',
    endsAt: '',
    joinUrl: '',
  };
  const c = lesson?.content;
  if (!c) return values;
  switch (c.kind) {
    case 'text':
      values.html = c.html ?? '';
      break;
    case 'video':
      values.videoSource = c.fileId ? 'file' : 'url';
      values.url = c.url ?? '';
      values.fileId = c.fileId ?? '';
      values.durationSeconds = c.durationSeconds ?? '';
      values.completePercent = Math.round((c.completeAtRatio ?? 0.9) * 100);
      break;
    case 'document':
    case 'file':
      values.fileId = c.fileId ?? '';
      break;
    case 'link':
      values.url = c.url ?? '';
      break;
    case 'quiz':
      values.quizId = c.quizId ?? '';
      break;
    case 'assignment':
      values.instructions = c.instructions ?? '';
      values.maxScore = c.maxScore ?? 100;
      values.passScore = c.passScore ?? 70;
      break;
    case 'live':
      values.startsAt = toZonedInput(c.startsAt, timeZone);
      values.endsAt = toZonedInput(c.endsAt, timeZone);
      values.joinUrl = c.joinUrl ?? '';
      break;
  }
  return values;
}

function contentOf(v: LessonFormValues, timeZone: Parameters<typeof fromZonedInput>[1]): LessonContent {
  switch (v.kind) {
    case 'text':
      return { kind: 'text', html: v.html };
    case 'video':
      return {
        kind: 'video',
        ...(v.videoSource === 'file' ? { fileId: v.fileId } : { url: v.url.trim() }),
        ...(v.durationSeconds !== '' ? { durationSeconds: Number(v.durationSeconds) } : {}),
        completeAtRatio: Number(v.completePercent) / 100,
      };
    case 'document':
      return { kind: 'document', fileId: v.fileId };
    case 'file':
      return { kind: 'file', fileId: v.fileId };
    case 'link':
      return { kind: 'link', url: v.url.trim() };
    case 'quiz':
      return { kind: 'quiz', quizId: v.quizId };
    case 'assignment':
      return { kind: 'assignment', instructions: v.instructions, maxScore: Number(v.maxScore), passScore: Number(v.passScore) };
    case 'live':
      return { kind: 'live', startsAt: fromZonedInput(v.startsAt, timeZone) ?? '', endsAt: fromZonedInput(v.endsAt, timeZone) ?? '', joinUrl: v.joinUrl.trim() };
  }
}

interface LessonEditorModalProps {
  course: Course;
  target: LessonEditorTarget;
  onClose: () => void;
  onSaved: (title: string) => void;
}

/** Create or edit one lesson; the content inputs follow the lesson kind. */
export function LessonEditorModal({ course, target, onClose, onSaved }: LessonEditorModalProps) {
  const { t } = useTranslation('courses');
  const label = useCourseLabels();
  const phone = useMediaQuery('(max-width: 48em)');
  const { me } = useAuth();
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';
  const lesson = target.mode === 'edit' ? target.lesson : undefined;
  const { create, update } = useLessonMutations(course.id);
  const mutation = target.mode === 'edit' ? update : create;
  const quizzes = useQuizzes(course.id);

  const {
    register,
    control,
    handleSubmit,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<LessonFormValues>({ defaultValues: initialValues(lesson, timeZone) });
  const kind = useWatch({ control, name: 'kind' });
  const videoSource = useWatch({ control, name: 'videoSource' });
  const fileId = useWatch({ control, name: 'fileId' });
  const fileName = useWatch({ control, name: 'fileName' });

  const submit = handleSubmit(async (values) => {
    const input: LessonInput = { kind: values.kind, title: values.title.trim(), required: values.required, content: contentOf(values, timeZone) };
    try {
      if (target.mode === 'edit') await update.mutateAsync({ id: target.lesson.id, input });
      else await create.mutateAsync({ moduleId: target.moduleId, input });
      onSaved(input.title);
      onClose();
    } catch {
      // Shown below.
    }
  });

  const required = t('form.required');
  const urlRule = { validate: (v: string) => URL_PATTERN.test(v.trim()) || t('lesson.urlInvalid') };
  const needsFile = kind === 'document' || kind === 'file' || (kind === 'video' && videoSource === 'file');
  const timeZoneLabel = TIME_ZONE_LABEL[timeZone];

  return (
    <Modal
      opened
      onClose={onClose}
      title={target.mode === 'edit' ? t('lesson.editTitle') : t('lesson.createTitle')}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('cancel') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('lesson.kind')}
                data={optionsOf(LESSON_KINDS, label.lessonKind)}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                allowDeselect={false}
                disabled={target.mode === 'edit'}
                description={target.mode === 'edit' ? t('lesson.kindFixed') : undefined}
              />
            )}
          />
          <TextInput label={t('lesson.title')} required error={errors.title?.message} {...register('title', { required, maxLength: { value: 200, message: t('form.maxLength', { max: 200 }) } })} />
          <Controller
            control={control}
            name="required"
            render={({ field }) => (
              <Switch label={t('lesson.required')} description={t('lesson.requiredHint')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
            )}
          />

          {kind === 'text' && (
            <Textarea
              label={t('lesson.html')}
              description={t('lesson.htmlHint')}
              autosize
              minRows={8}
              maxRows={24}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              error={errors.html?.message}
              {...register('html', { validate: (v) => kind !== 'text' || v.trim().length > 0 || required })}
            />
          )}

          {kind === 'video' && (
            <>
              <Controller
                control={control}
                name="videoSource"
                render={({ field }) => (
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="video-source-label">
                      {t('lesson.videoSource')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="video-source-label"
                      value={field.value}
                      onChange={(v) => field.onChange(v)}
                      data={[
                        { value: 'url', label: t('lesson.videoUrl') },
                        { value: 'file', label: t('lesson.videoUpload') },
                      ]}
                    />
                  </Stack>
                )}
              />
              {videoSource === 'url' && (
                <TextInput
                  label={t('lesson.videoUrl')}
                  description={t('lesson.videoUrlHint')}
                  type="url"
                  required
                  error={errors.url?.message}
                  {...register('url', { validate: (v) => kind !== 'video' || getValues('videoSource') !== 'url' || urlRule.validate(v) })}
                />
              )}
              <Group grow align="flex-start" wrap="wrap">
                <Controller
                  control={control}
                  name="durationSeconds"
                  render={({ field }) => (
                    <NumberInput label={t('lesson.duration')} description={t('lesson.durationHint')} min={1} allowDecimal={false} value={field.value} onChange={field.onChange} miw={200} />
                  )}
                />
                <Controller
                  control={control}
                  name="completePercent"
                  rules={{ validate: (v) => (Number(v) >= 10 && Number(v) <= 100) || t('lesson.completeRange') }}
                  render={({ field }) => (
                    <NumberInput
                      label={t('lesson.completeAt')}
                      description={t('lesson.completeAtHint')}
                      min={10}
                      max={100}
                      suffix="%"
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.completePercent?.message}
                      miw={200}
                    />
                  )}
                />
              </Group>
            </>
          )}

          {needsFile && (
            <>
              <FileUploadField
                courseId={course.id}
                purpose={kind === 'video' ? 'video' : kind === 'document' ? 'document' : 'file'}
                accept={kind === 'video' ? 'video/mp4,video/webm' : kind === 'document' ? 'application/pdf' : undefined}
                label={kind === 'video' ? t('lesson.videoFile') : kind === 'document' ? t('lesson.documentFile') : t('lesson.downloadFile')}
                current={fileId ? { id: fileId, name: fileName || undefined } : null}
                onUploaded={(file) => {
                  setValue('fileId', file.id, { shouldDirty: true, shouldValidate: true });
                  setValue('fileName', file.name);
                }}
                onPicked={(file) => {
                  // The server credits watching only as fast as the video plays, so it needs the length (docs/learning.md).
                  if (kind !== 'video' || getValues('durationSeconds') !== '') return;
                  void readVideoDuration(file).then((seconds) => {
                    if (seconds && getValues('durationSeconds') === '') setValue('durationSeconds', seconds, { shouldDirty: true });
                  });
                }}
              />
              <input type="hidden" {...register('fileId', { validate: (v) => !needsFile || !!v || t('lesson.fileRequired') })} />
              {errors.fileId && (
                <Text size="sm" c={DANGER_TEXT} role="alert">
                  {errors.fileId.message}
                </Text>
              )}
            </>
          )}

          {kind === 'link' && (
            <TextInput label={t('lesson.linkUrl')} type="url" required placeholder="https://" error={errors.url?.message} {...register('url', { validate: (v) => kind !== 'link' || urlRule.validate(v) })} />
          )}

          {kind === 'quiz' && (
            <Stack gap={4}>
              <Controller
                control={control}
                name="quizId"
                rules={{ validate: (v) => kind !== 'quiz' || !!v || required }}
                render={({ field }) => (
                  <Select
                    label={t('lesson.quiz')}
                    placeholder={quizzes.isPending ? t('loadingShort') : t('lesson.quizPlaceholder')}
                    data={(quizzes.data ?? []).map((q) => ({ value: q.id, label: q.title }))}
                    value={field.value || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    required
                    nothingFoundMessage={t('lesson.noQuizzes')}
                    error={errors.quizId?.message ?? (quizzes.isError ? t('lesson.quizzesFailed') : undefined)}
                  />
                )}
              />
              <Anchor component={Link} to={`/kursus/${course.id}/kuis`} size="sm">
                {t('lesson.manageQuizzes')}
              </Anchor>
            </Stack>
          )}

          {kind === 'assignment' && (
            <>
              <Textarea
                label={t('lesson.instructions')}
                autosize
                minRows={5}
                required
                error={errors.instructions?.message}
                {...register('instructions', { validate: (v) => kind !== 'assignment' || v.trim().length > 0 || required })}
              />
              <Group grow align="flex-start" wrap="wrap">
                <Controller
                  control={control}
                  name="maxScore"
                  rules={{ validate: (v) => kind !== 'assignment' || Number(v) > 0 || t('lesson.scoreInvalid') }}
                  render={({ field }) => (
                    <NumberInput label={t('lesson.maxScore')} min={1} value={field.value} onChange={field.onChange} error={errors.maxScore?.message} miw={160} />
                  )}
                />
                <Controller
                  control={control}
                  name="passScore"
                  rules={{ validate: (v) => kind !== 'assignment' || (Number(v) >= 0 && Number(v) <= Number(getValues('maxScore'))) || t('lesson.passScoreInvalid') }}
                  render={({ field }) => (
                    <NumberInput label={t('lesson.passScore')} min={0} value={field.value} onChange={field.onChange} error={errors.passScore?.message} miw={160} />
                  )}
                />
              </Group>
            </>
          )}

          {kind === 'live' && (
            <>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  type="datetime-local"
                  label={t('lesson.startsAt', { zone: timeZoneLabel })}
                  required
                  error={errors.startsAt?.message}
                  miw={220}
                  {...register('startsAt', { validate: (v) => kind !== 'live' || !!fromZonedInput(v, timeZone) || required })}
                />
                <TextInput
                  type="datetime-local"
                  label={t('lesson.endsAt', { zone: timeZoneLabel })}
                  required
                  error={errors.endsAt?.message}
                  miw={220}
                  {...register('endsAt', {
                    validate: (v) => {
                      if (kind !== 'live') return true;
                      const end = fromZonedInput(v, timeZone);
                      const start = fromZonedInput(getValues('startsAt'), timeZone);
                      if (!end) return required;
                      return !start || end > start || t('lesson.endBeforeStart');
                    },
                  })}
                />
              </Group>
              <TextInput label={t('lesson.joinUrl')} type="url" required placeholder="https://" error={errors.joinUrl?.message} {...register('joinUrl', { validate: (v) => kind !== 'live' || urlRule.validate(v) })} />
            </>
          )}

          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <ModalActions onCancel={onClose} cancelLabel={t('cancel')} submitLabel={t('save')} loading={isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A video file's length in whole seconds, read by the browser from its metadata; null when it does not say (e.g. a recorded WebM). */
function readVideoDuration(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const el = document.createElement('video');
    const done = (value: number | null) => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    el.preload = 'metadata';
    el.onloadedmetadata = () => done(Number.isFinite(el.duration) && el.duration > 0 ? Math.max(1, Math.round(el.duration)) : null);
    el.onerror = () => done(null);
    el.src = url;
  });
}
