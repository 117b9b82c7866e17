import { List, Text } from '@mantine/core';
import type { AnswerKey, AnswerResponse, AttemptQuestion, QuestionOption } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';

function optionText(options: QuestionOption[], id: unknown): string {
  return options.find((o) => o.id === id)?.text ?? String(id);
}

/** A learner's response in words (review and grading pages). */
export function ResponseView({
  question,
  response,
}: {
  question: AttemptQuestion;
  response: AnswerResponse | undefined;
}) {
  const { t } = useTranslation('quiz');
  const none = (
    <Text size="sm" c="dimmed" fs="italic">
      {t('review.noAnswer')}
    </Text>
  );
  if (
    response === undefined ||
    response === null ||
    (Array.isArray(response) && response.length === 0) ||
    response === ''
  )
    return none;
  switch (question.kind) {
    case 'single':
      return <Text size="sm">{optionText(question.options, response)}</Text>;
    case 'multiple':
      return (
        <List size="sm">
          {(response as string[]).map((id) => (
            <List.Item key={id}>{optionText(question.options, id)}</List.Item>
          ))}
        </List>
      );
    case 'true_false':
      return <Text size="sm">{response === true ? t('true') : t('false')}</Text>;
    case 'matching':
      return (
        <List size="sm">
          {(response as Array<{ left: string; right: string }>).map((p) => (
            <List.Item key={p.left}>
              {optionText(question.options, p.left)} → {optionText(question.options, p.right)}
            </List.Item>
          ))}
        </List>
      );
    case 'ordering':
      return (
        <List size="sm" type="ordered">
          {(response as string[]).map((id) => (
            <List.Item key={id}>{optionText(question.options, id)}</List.Item>
          ))}
        </List>
      );
    default:
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {String(response)}
        </Text>
      );
  }
}

/** The correct answer, when the review policy shows it. */
export function AnswerKeyView({ question, answerKey }: { question: AttemptQuestion; answerKey: AnswerKey }) {
  const { t } = useTranslation('quiz');
  if (!answerKey) return null;
  const key = answerKey as Record<string, unknown>;
  switch (question.kind) {
    case 'single':
    case 'multiple':
    case 'true_false':
      return <ResponseView question={question} response={key.correct as AnswerResponse} />;
    case 'short_answer':
      return <Text size="sm">{(key.accepted as string[]).join(' / ')}</Text>;
    case 'numeric':
      return <Text size="sm">{t('review.numericKey', { value: key.value, tolerance: key.tolerance })}</Text>;
    case 'matching':
      return <ResponseView question={question} response={key.pairs as Array<{ left: string; right: string }>} />;
    case 'ordering':
      return <ResponseView question={question} response={key.order as string[]} />;
    default:
      return null;
  }
}
