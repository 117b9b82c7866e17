import type { ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { QUESTION_KINDS, type Question, type QuestionCategory } from '@kompeten/shared-contracts';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useQuestionMutations } from '../queries';
import { useQuizLabels } from '../labels';
import {
  blankChoice,
  blankItem,
  blankPair,
  buildQuestionInput,
  MAX_ROWS,
  MIN_ROWS,
  pointsProblem,
  questionFormValues,
  type QuestionFormValues,
} from '../question-form';
import { DANGER_TEXT } from '../../courses/colors';
import { ModalActions } from '../../../shared/components/ModalActions';
import { RichTextEditor } from '../../../shared/components/RichTextEditor';
import { useCourseImageUpload } from '../../courses/course-images';

interface QuestionEditorModalProps {
  courseId: string;
  categories: QuestionCategory[];
  question?: Question;
  defaultCategoryId?: string;
  onClose: () => void;
}

/** Create or edit a question; the answer inputs follow the kind (docs/learning.md, question kinds). */
export function QuestionEditorModal({
  courseId,
  categories,
  question,
  defaultCategoryId,
  onClose,
}: QuestionEditorModalProps) {
  const { t } = useTranslation('quiz');
  const labels = useQuizLabels();
  const phone = useMediaQuery('(max-width: 48em)');
  const { create, update } = useQuestionMutations(courseId);
  const mutation = question ? update : create;
  const {
    register,
    control,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<QuestionFormValues>({ defaultValues: questionFormValues(question, defaultCategoryId) });
  const kind = useWatch({ control, name: 'kind' });
  const choices = useFieldArray({ control, name: 'choices', keyName: 'key' });
  const pairs = useFieldArray({ control, name: 'pairs', keyName: 'key' });
  const items = useFieldArray({ control, name: 'items', keyName: 'key' });
  const watchedChoices = useWatch({ control, name: 'choices' });
  const uploadImage = useCourseImageUpload(courseId);

  const submit = handleSubmit(async (values) => {
    clearErrors('root');
    const built = buildQuestionInput(values);
    if (!built.ok) {
      setError('root', { message: t(built.problem) });
      return;
    }
    try {
      if (question) await update.mutateAsync({ id: question.id, input: built.input });
      else await create.mutateAsync(built.input);
      onClose();
    } catch {
      // Shown below.
    }
  });

  const choiceLabel = (i: number) => t('editor.option', { n: i + 1 });

  /** The option rows of a single- or multiple-choice question; `marker` draws the radio or checkbox that marks it correct. */
  const choiceRows = (marker: (value: string, label: string) => ReactNode) => (
    <Stack gap="xs">
      {choices.fields.map((choice, i) => (
        <Group key={choice.key} gap="xs" wrap="nowrap" align="center">
          {marker(watchedChoices?.[i]?.optionId ?? choice.optionId, t('editor.markCorrect', { n: i + 1 }))}
          <TextInput
            aria-label={choiceLabel(i)}
            placeholder={choiceLabel(i)}
            style={{ flex: 1 }}
            {...register(`choices.${i}.text`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('editor.removeOption', { n: i + 1 })}
            onClick={() => choices.remove(i)}
            disabled={choices.fields.length <= MIN_ROWS}
          >
            <span aria-hidden>×</span>
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={question ? t('editor.editTitle') : t('editor.createTitle')}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('cancel') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start" wrap="wrap">
            <Controller
              control={control}
              name="kind"
              render={({ field }) => (
                <Select
                  label={t('editor.kind')}
                  data={QUESTION_KINDS.map((k) => ({ value: k, label: labels.questionKind(k) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                  miw={200}
                />
              )}
            />
            <Controller
              control={control}
              name="categoryId"
              render={({ field }) => (
                <Select
                  label={t('editor.category')}
                  data={[
                    { value: '', label: t('bank.uncategorised') },
                    ...categories.map((c) => ({ value: c.id, label: c.name })),
                  ]}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? '')}
                  allowDeselect={false}
                  miw={200}
                />
              )}
            />
          </Group>
          <Controller
            control={control}
            name="prompt"
            rules={{ validate: (v) => v.trim().length > 0 || t('required') }}
            render={({ field }) => (
              <RichTextEditor
                label={t('editor.prompt')}
                required
                minHeight={90}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                onImageUpload={uploadImage}
                error={errors.prompt?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="points"
            rules={{
              validate: (v) => {
                const problem = pointsProblem(v);
                return problem ? t(problem) : true;
              },
            }}
            render={({ field }) => (
              <NumberInput
                label={t('editor.points')}
                required
                min={0.01}
                max={9999.99}
                decimalScale={2}
                value={field.value}
                onChange={field.onChange}
                error={errors.points?.message}
                maw={200}
              />
            )}
          />

          {(kind === 'single' || kind === 'multiple') && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {kind === 'single' ? t('editor.optionsSingle') : t('editor.optionsMultiple')}
              </Text>
              {kind === 'single' ? (
                <Controller
                  control={control}
                  name="correctSingle"
                  render={({ field }) => (
                    <Radio.Group value={field.value} onChange={field.onChange} aria-label={t('editor.correctAnswer')}>
                      {choiceRows((value, label) => (
                        <Radio value={value} aria-label={label} />
                      ))}
                    </Radio.Group>
                  )}
                />
              ) : (
                <Controller
                  control={control}
                  name="correctMultiple"
                  render={({ field }) => (
                    <Checkbox.Group
                      value={field.value}
                      onChange={field.onChange}
                      aria-label={t('editor.correctAnswer')}
                    >
                      {choiceRows((value, label) => (
                        <Checkbox value={value} aria-label={label} />
                      ))}
                    </Checkbox.Group>
                  )}
                />
              )}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => choices.append(blankChoice())}
                  disabled={choices.fields.length >= MAX_ROWS}
                >
                  {t('editor.addOption')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('editor.markCorrectHint')}
              </Text>
            </Stack>
          )}

          {kind === 'true_false' && (
            <Controller
              control={control}
              name="trueFalse"
              render={({ field }) => (
                <Radio.Group
                  label={t('editor.correctAnswer')}
                  value={field.value}
                  onChange={(v) => field.onChange(v as 'true' | 'false')}
                >
                  <Group gap="lg" mt="xs">
                    <Radio value="true" label={t('true')} />
                    <Radio value="false" label={t('false')} />
                  </Group>
                </Radio.Group>
              )}
            />
          )}

          {kind === 'short_answer' && (
            <Controller
              control={control}
              name="accepted"
              render={({ field }) => (
                <TagsInput
                  label={t('editor.accepted')}
                  description={t('editor.acceptedHint')}
                  value={field.value}
                  onChange={field.onChange}
                />
              )}
            />
          )}

          {kind === 'numeric' && (
            <Group grow align="flex-start" wrap="wrap">
              <Controller
                control={control}
                name="numericValue"
                render={({ field }) => (
                  <NumberInput
                    label={t('editor.value')}
                    required
                    decimalScale={6}
                    value={field.value}
                    onChange={field.onChange}
                    miw={160}
                  />
                )}
              />
              <Controller
                control={control}
                name="numericTolerance"
                render={({ field }) => (
                  <NumberInput
                    label={t('editor.tolerance')}
                    description={t('editor.toleranceHint')}
                    min={0}
                    decimalScale={6}
                    value={field.value}
                    onChange={field.onChange}
                    miw={160}
                  />
                )}
              />
            </Group>
          )}

          {kind === 'matching' && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('editor.pairs')}
              </Text>
              {pairs.fields.map((pair, i) => (
                <Group key={pair.key} gap="xs" wrap="wrap" align="flex-end">
                  <TextInput
                    label={t('editor.left', { n: i + 1 })}
                    style={{ flex: '1 1 140px' }}
                    {...register(`pairs.${i}.left`)}
                  />
                  <TextInput
                    label={t('editor.right', { n: i + 1 })}
                    style={{ flex: '1 1 140px' }}
                    {...register(`pairs.${i}.right`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('editor.removePair', { n: i + 1 })}
                    onClick={() => pairs.remove(i)}
                    disabled={pairs.fields.length <= MIN_ROWS}
                  >
                    <span aria-hidden>×</span>
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => pairs.append(blankPair())}
                  disabled={pairs.fields.length >= MAX_ROWS}
                >
                  {t('editor.addPair')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('editor.pairsHint')}
              </Text>
            </Stack>
          )}

          {kind === 'ordering' && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('editor.items')}
              </Text>
              {items.fields.map((item, i) => (
                <Group key={item.key} gap="xs" wrap="nowrap">
                  <Text size="sm" w={24} ta="right" aria-hidden>
                    {i + 1}.
                  </Text>
                  <TextInput
                    aria-label={t('editor.item', { n: i + 1 })}
                    style={{ flex: 1 }}
                    {...register(`items.${i}.text`)}
                  />
                  <ActionIcon
                    variant="default"
                    aria-label={t('editor.itemUp', { n: i + 1 })}
                    disabled={i === 0}
                    onClick={() => items.move(i, i - 1)}
                  >
                    <span aria-hidden>↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={t('editor.itemDown', { n: i + 1 })}
                    disabled={i === items.fields.length - 1}
                    onClick={() => items.move(i, i + 1)}
                  >
                    <span aria-hidden>↓</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('editor.removeItem', { n: i + 1 })}
                    onClick={() => items.remove(i)}
                    disabled={items.fields.length <= MIN_ROWS}
                  >
                    <span aria-hidden>×</span>
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => items.append(blankItem())}
                  disabled={items.fields.length >= MAX_ROWS}
                >
                  {t('editor.addItem')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('editor.itemsHint')}
              </Text>
            </Stack>
          )}

          {kind === 'essay' && (
            <Text size="sm" c="dimmed">
              {t('editor.essayHint')}
            </Text>
          )}

          <Textarea
            label={t('editor.feedback')}
            description={t('editor.feedbackHint')}
            autosize
            minRows={2}
            {...register('feedback')}
          />

          {errors.root && (
            <Text size="sm" c={DANGER_TEXT} role="alert">
              {errors.root.message}
            </Text>
          )}
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <ModalActions onCancel={onClose} cancelLabel={t('cancel')} submitLabel={t('save')} loading={isSubmitting} />
        </Stack>
      </form>
    </Modal>
  );
}
