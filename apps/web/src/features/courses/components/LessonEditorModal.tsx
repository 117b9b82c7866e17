import {
  Anchor,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { LESSON_KINDS, TIME_ZONE_LABEL } from '@kompeten/shared-contracts';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useQuizzes } from '../../quiz/queries';
import type { Course } from '../api';
import { type CourseLesson } from '@kompeten/shared-contracts';
import {
  lessonFormValues,
  lessonInputOf,
  lessonNeedsFile,
  lessonProblem,
  type LessonCheckedField,
  type LessonFormValues,
} from '../lesson-form';
import { optionsOf, useCourseLabels } from '../labels';
import { useLessonMutations } from '../queries';
import { FileUploadField } from './FileUploadField';
import { DANGER_TEXT } from '../colors';
import { ModalActions } from '../../../shared/components/ModalActions';
import { RichTextEditor } from '../../../shared/components/RichTextEditor';
import { parseVideoUrl } from '@kompeten/shared-util';
import { useCourseImageUpload } from '../course-images';

export type LessonEditorTarget = { mode: 'create'; moduleId: string } | { mode: 'edit'; lesson: CourseLesson };

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
  } = useForm<LessonFormValues>({ defaultValues: lessonFormValues(lesson, timeZone) });
  const kind = useWatch({ control, name: 'kind' });
  const videoSource = useWatch({ control, name: 'videoSource' });
  const fileId = useWatch({ control, name: 'fileId' });
  const fileName = useWatch({ control, name: 'fileName' });
  const url = useWatch({ control, name: 'url' });
  const videoVerdict = kind === 'video' && videoSource === 'url' && url.trim() ? parseVideoUrl(url) : null;
  const uploadImage = useCourseImageUpload(course.id);

  const submit = handleSubmit(async (values) => {
    const input = lessonInputOf(values, timeZone);
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
  /** A field's rule: lesson-form.ts judges the value being validated within the rest of the form. */
  const rule =
    <F extends LessonCheckedField>(field: F) =>
    (value: LessonFormValues[F]) => {
      const values = { ...getValues(), [field]: value };
      const problem = lessonProblem(field, values, timeZone);
      if (problem === 'lesson.videoUrlUnplayable') {
        const verdict = parseVideoUrl(values.url);
        return t(problem, { reason: verdict.ok ? '' : verdict.reason });
      }
      return problem ? t(problem) : true;
    };
  const needsFile = lessonNeedsFile({ kind, videoSource });
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
          <TextInput
            label={t('lesson.title')}
            required
            error={errors.title?.message}
            {...register('title', { required, maxLength: { value: 200, message: t('form.maxLength', { max: 200 }) } })}
          />
          <Controller
            control={control}
            name="required"
            render={({ field }) => (
              <Switch
                label={t('lesson.required')}
                description={t('lesson.requiredHint')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />

          {kind === 'text' && (
            <Controller
              control={control}
              name="html"
              rules={{ validate: rule('html') }}
              render={({ field }) => (
                <RichTextEditor
                  label={t('lesson.html')}
                  description={t('lesson.htmlHint')}
                  required
                  minHeight={220}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  onImageUpload={uploadImage}
                  error={errors.html?.message}
                />
              )}
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
                <Stack gap={4}>
                  <TextInput
                    label={t('lesson.videoUrl')}
                    description={t('lesson.videoUrlHint')}
                    type="url"
                    required
                    placeholder="https://www.youtube.com/watch?v=…"
                    error={errors.url?.message}
                    {...register('url', { validate: rule('url') })}
                  />
                  {videoVerdict?.ok && (
                    <Text size="sm" c="dimmed" aria-live="polite">
                      {t(`lesson.videoDetected.${videoVerdict.source.kind}`, {
                        id: videoVerdict.source.kind === 'file' ? '' : videoVerdict.source.id,
                      })}
                    </Text>
                  )}
                </Stack>
              )}
              <Group grow align="flex-start" wrap="wrap">
                <Controller
                  control={control}
                  name="durationSeconds"
                  render={({ field }) => (
                    <NumberInput
                      label={t('lesson.duration')}
                      description={t('lesson.durationHint')}
                      min={1}
                      allowDecimal={false}
                      value={field.value}
                      onChange={field.onChange}
                      miw={200}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="completePercent"
                  rules={{ validate: rule('completePercent') }}
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
                label={
                  kind === 'video'
                    ? t('lesson.videoFile')
                    : kind === 'document'
                      ? t('lesson.documentFile')
                      : t('lesson.downloadFile')
                }
                current={fileId ? { id: fileId, name: fileName || undefined } : null}
                onUploaded={(file) => {
                  setValue('fileId', file.id, { shouldDirty: true, shouldValidate: true });
                  setValue('fileName', file.name);
                }}
                onPicked={(file) => {
                  // The server credits watching only as fast as the video plays, so it needs the length (docs/learning.md).
                  if (kind !== 'video' || getValues('durationSeconds') !== '') return;
                  void readVideoDuration(file).then((seconds) => {
                    if (seconds && getValues('durationSeconds') === '')
                      setValue('durationSeconds', seconds, { shouldDirty: true });
                  });
                }}
              />
              <input type="hidden" {...register('fileId', { validate: rule('fileId') })} />
              {errors.fileId && (
                <Text size="sm" c={DANGER_TEXT} role="alert">
                  {errors.fileId.message}
                </Text>
              )}
            </>
          )}

          {kind === 'link' && (
            <TextInput
              label={t('lesson.linkUrl')}
              type="url"
              required
              placeholder="https://"
              error={errors.url?.message}
              {...register('url', { validate: rule('url') })}
            />
          )}

          {kind === 'quiz' && (
            <Stack gap={4}>
              <Controller
                control={control}
                name="quizId"
                rules={{ validate: rule('quizId') }}
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
              <Controller
                control={control}
                name="instructions"
                rules={{ validate: rule('instructions') }}
                render={({ field }) => (
                  <RichTextEditor
                    label={t('lesson.instructions')}
                    required
                    minHeight={120}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    onImageUpload={uploadImage}
                    error={errors.instructions?.message}
                  />
                )}
              />
              <Group grow align="flex-start" wrap="wrap">
                <Controller
                  control={control}
                  name="maxScore"
                  rules={{ validate: rule('maxScore') }}
                  render={({ field }) => (
                    <NumberInput
                      label={t('lesson.maxScore')}
                      min={1}
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.maxScore?.message}
                      miw={160}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="passScore"
                  rules={{ validate: rule('passScore') }}
                  render={({ field }) => (
                    <NumberInput
                      label={t('lesson.passScore')}
                      min={0}
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.passScore?.message}
                      miw={160}
                    />
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
                  {...register('startsAt', { validate: rule('startsAt') })}
                />
                <TextInput
                  type="datetime-local"
                  label={t('lesson.endsAt', { zone: timeZoneLabel })}
                  required
                  error={errors.endsAt?.message}
                  miw={220}
                  {...register('endsAt', { validate: rule('endsAt') })}
                />
              </Group>
              <TextInput
                label={t('lesson.joinUrl')}
                type="url"
                required
                placeholder="https://"
                error={errors.joinUrl?.message}
                {...register('joinUrl', { validate: rule('joinUrl') })}
              />
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
    el.onloadedmetadata = () =>
      done(Number.isFinite(el.duration) && el.duration > 0 ? Math.max(1, Math.round(el.duration)) : null);
    el.onerror = () => done(null);
    el.src = url;
  });
}
