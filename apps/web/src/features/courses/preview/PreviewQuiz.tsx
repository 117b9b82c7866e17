import { useState } from 'react';
import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type {
  AnswerKey,
  AnswerResponse,
  AttemptQuestion,
  PreviewQuiz as PreviewQuizData,
} from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { RichTextView } from '../../../shared/components/RichTextView';
import { QuestionInput } from '../../quiz/components/QuestionInput';
import { AnswerKeyView } from '../../quiz/components/ResponseView';
import { useQuizLabels } from '../../quiz/labels';
import { WARNING_TEXT } from '../colors';

/**
 * A quiz lesson as a learner's attempt would show it — each question with the learner's input, which the previewer may
 * try (nothing is saved) — plus its settings, and the answer key when asked for (reviewers by default).
 */
export function PreviewQuiz({ quiz, showKeys }: { quiz: PreviewQuizData; showKeys: boolean }) {
  const { t } = useTranslation('preview');
  const labels = useQuizLabels();
  const [answers, setAnswers] = useState<Record<string, AnswerResponse>>({});
  const s = quiz.settings;
  return (
    <Stack gap="md">
      <Group gap={6} wrap="wrap">
        <Badge variant="light">{labels.role(s.role)}</Badge>
        <Badge variant="outline" color="gray">
          {t('quiz.passMark', { percent: s.passPercent })}
        </Badge>
        <Badge variant="outline" color="gray">
          {s.timeLimitSeconds
            ? t('quiz.timeLimit', { minutes: Math.round(s.timeLimitSeconds / 60) })
            : t('quiz.noTimeLimit')}
        </Badge>
        <Badge variant="outline" color="gray">
          {s.maxAttempts ? t('quiz.attempts', { count: s.maxAttempts }) : t('quiz.unlimitedAttempts')}
        </Badge>
      </Group>
      <Text size="sm">
        {t('quiz.summary', { count: quiz.questionsPerAttempt, pool: quiz.questions.length })}.{' '}
        {quiz.questionsPerAttempt < quiz.questions.length ? t('quiz.drawNote') : ''} {t('quiz.tryHint')}
      </Text>
      {quiz.problem && (
        <Alert color="orange" variant="light" title={t('quiz.notReady')} styles={{ title: { color: WARNING_TEXT } }}>
          <Text size="sm">{quiz.problem}</Text>
        </Alert>
      )}
      {quiz.questions.map((q, i) => {
        const question: AttemptQuestion = {
          id: q.id,
          kind: q.kind,
          prompt: q.prompt,
          points: q.points,
          options: q.options,
        };
        const promptId = `preview-q-${q.id}-prompt`;
        return (
          <Card key={q.id} withBorder padding="md" component="section" aria-labelledby={`preview-q-${q.id}-title`}>
            <Stack gap="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Title order={2} size="h4" id={`preview-q-${q.id}-title`}>
                  {t('quiz.questionN', { n: i + 1 })}
                  <Text span size="sm" c="dimmed" fw={400}>
                    {' '}
                    · {labels.questionKind(q.kind)} · {t('quiz.points', { count: q.points })}
                  </Text>
                </Title>
              </Group>
              <RichTextView id={promptId} html={q.prompt} style={{ overflowWrap: 'anywhere' }} />
              <QuestionInput
                question={question}
                labelId={promptId}
                value={answers[q.id]}
                onChange={(response) => setAnswers((a) => ({ ...a, [q.id]: response }))}
              />
              {showKeys && (
                <Card bg="gray.0" padding="sm" data-testid="answer-key">
                  <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                    {t('quiz.answerKey')}
                  </Text>
                  {q.kind === 'essay' ? (
                    <Text size="sm">{t('quiz.essayKey')}</Text>
                  ) : (
                    <AnswerKeyView question={question} answerKey={q.answerKey as AnswerKey} />
                  )}
                  {q.feedback && (
                    <List size="sm" mt={4}>
                      <List.Item>
                        {t('quiz.feedback')}: {q.feedback}
                      </List.Item>
                    </List>
                  )}
                </Card>
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
