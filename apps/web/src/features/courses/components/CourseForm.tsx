import {
  Box,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { JENIS_DIKLAT } from '../api';
import {
  COMPETENCY_KINDS,
  COURSE_LEVELS,
  COURSE_VISIBILITIES,
  ENROLMENT_MODES,
  LATIHAN_STRUKTURAL,
  LEARNING_METHODS,
} from '@kompeten/shared-contracts';
import { courseInputOf, isStructural, jpProblem, type CourseFormResult, type CourseFormValues } from '../course-form';
import { optionsOf, useCourseLabels } from '../labels';
import { RichTextEditor, type UploadedImage } from '../../../shared/components/RichTextEditor';

interface CourseFormProps {
  defaultValues: CourseFormValues;
  /** Create mode: the agency is chosen here; edit mode hides it. */
  agencyOptions?: Array<{ value: string; label: string }>;
  submitLabel: string;
  readOnly?: boolean;
  /** Pictures in the description go to the course's files: only once the course exists (edit mode). */
  onImageUpload?: (file: File) => Promise<UploadedImage>;
  onSubmit: (values: CourseFormResult) => Promise<void>;
}

/** Course metadata (create and edit). */
export function CourseForm({
  defaultValues,
  agencyOptions,
  submitLabel,
  readOnly,
  onImageUpload,
  onSubmit,
}: CourseFormProps) {
  const { t } = useTranslation('courses');
  const {
    register,
    control,
    handleSubmit,
    getValues,
    watch,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<CourseFormValues>({ defaultValues });

  const submit = handleSubmit(async (values) => {
    await onSubmit(courseInputOf(values));
  });

  const label = useCourseLabels();
  const jenisDiklatId = watch('jenisDiklatId');

  return (
    <Box component="form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset disabled={readOnly || isSubmitting} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          {agencyOptions && (
            <Controller
              control={control}
              name="agencyId"
              rules={{ required: t('form.required') }}
              render={({ field }) => (
                <Select
                  label={t('form.agency')}
                  data={agencyOptions}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  required
                  error={errors.agencyId?.message}
                  allowDeselect={false}
                />
              )}
            />
          )}
          <TextInput
            label={t('form.title')}
            required
            error={errors.title?.message}
            {...register('title', {
              required: t('form.required'),
              maxLength: { value: 200, message: t('form.maxLength', { max: 200 }) },
            })}
          />
          <Controller
            control={control}
            name="description"
            render={({ field }) => (
              <RichTextEditor
                label={t('form.description')}
                minHeight={120}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                onImageUpload={onImageUpload}
                disabled={readOnly}
                error={errors.description?.message}
              />
            )}
          />
          <Textarea
            label={t('form.objectives')}
            description={t('form.objectivesHint')}
            autosize
            minRows={3}
            maxRows={10}
            {...register('objectives')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={control}
              name="competencyKind"
              render={({ field }) => (
                <Select
                  label={t('form.competencyKind')}
                  data={optionsOf(COMPETENCY_KINDS, label.competencyKind)}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name="learningMethod"
              render={({ field }) => (
                <Select
                  label={t('form.learningMethod')}
                  data={optionsOf(LEARNING_METHODS, label.learningMethod)}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name="jenisDiklatId"
              render={({ field }) => (
                <Select
                  label={t('form.jenisDiklat')}
                  description={t('form.jenisDiklatHint')}
                  data={JENIS_DIKLAT.map((j) => ({ value: String(j.id), label: `${j.id} · ${j.name}` }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  searchable
                  allowDeselect={false}
                />
              )}
            />
            {isStructural(jenisDiklatId) && (
              <Controller
                control={control}
                name="latihanStrukturalId"
                rules={{
                  validate: (v) =>
                    !isStructural(getValues('jenisDiklatId')) || !!v || t('form.latihanStrukturalRequired'),
                }}
                render={({ field }) => (
                  <Select
                    label={t('form.latihanStruktural')}
                    description={t('form.latihanStrukturalHint')}
                    data={LATIHAN_STRUKTURAL.map((l) => ({ value: String(l.id), label: `${l.id} · ${l.name}` }))}
                    value={field.value || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    onBlur={field.onBlur}
                    error={errors.latihanStrukturalId?.message}
                    withAsterisk
                    required
                    allowDeselect={false}
                  />
                )}
              />
            )}
            <Controller
              control={control}
              name="jp"
              rules={{
                required: t('form.required'),
                validate: (v) => {
                  const problem = jpProblem(v);
                  return problem ? t(problem) : true;
                },
              }}
              render={({ field }) => (
                <NumberInput
                  label={t('form.jp')}
                  description={t('form.jpHint')}
                  required
                  min={1}
                  max={1000}
                  decimalScale={1}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.jp?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="level"
              render={({ field }) => (
                <Select
                  label={t('form.level')}
                  data={optionsOf(COURSE_LEVELS, label.level)}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name="visibility"
              render={({ field }) => (
                <Select
                  label={t('form.visibility')}
                  data={optionsOf(COURSE_VISIBILITIES, label.visibility)}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name="enrolmentMode"
              render={({ field }) => (
                <Select
                  label={t('form.enrolmentMode')}
                  data={optionsOf(ENROLMENT_MODES, label.enrolmentMode)}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={control}
              name="tags"
              render={({ field }) => (
                <TagsInput
                  label={t('form.tags')}
                  description={t('form.tagsHint')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  clearable={false}
                />
              )}
            />
          </SimpleGrid>
          {!readOnly && (
            <Group>
              <Button type="submit" loading={isSubmitting} disabled={!isDirty && !agencyOptions}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Box>
  );
}
