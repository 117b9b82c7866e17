import { useState } from 'react';
import { Alert, Button, Card, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { PlayerLessonContent } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatBytes, formatDateTime } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { MAX_SUBMISSION_BYTES } from '../api';
import { useSubmitAssignment } from '../queries';
import { DANGER_TEXT, WARNING_TEXT } from '../../courses/colors';
import { RichTextView } from '../../../shared/components/RichTextView';

type AssignmentContent = Extract<PlayerLessonContent, { kind: 'assignment' }>;

/** Instructions, the learner's submission and its grade, and the upload (with progress). */
export function AssignmentLesson({
  enrolmentId,
  lessonId,
  content,
  readOnly,
}: {
  enrolmentId: string;
  lessonId: string;
  content: AssignmentContent;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation('learning');
  const { me } = useAuth();
  const mutation = useSubmitAssignment(enrolmentId, lessonId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [tooLarge, setTooLarge] = useState(false);
  const submission = content.submission;
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';

  const onSubmit = async () => {
    if (!file) return;
    setProgress(0);
    try {
      await mutation.mutateAsync({ file, onProgress: setProgress });
      setFile(null);
      notify({ color: 'kompeten', message: t('assignment.submitted') });
    } catch {
      // Shown below.
    }
  };
  const percent = Math.round(progress * 100);

  return (
    <Stack gap="md">
      <RichTextView html={content.instructions} />
      <Text size="sm" c="dimmed">
        {t('assignment.scores', { max: content.maxScore, pass: content.passScore })}
      </Text>

      <Card withBorder padding="md" component="section" aria-labelledby="submission-heading">
        <Stack gap="xs">
          <Title order={2} size="h4" id="submission-heading">
            {t('assignment.yourSubmission')}
          </Title>
          {submission ? (
            <>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('assignment.sent', {
                  name: submission.fileName,
                  date: formatDateTime(submission.submittedAt, timeZone, i18n.language),
                })}
              </Text>
              {submission.gradedAt ? (
                <Alert
                  color={submission.passed ? 'kompeten' : 'orange'}
                  variant="light"
                  title={submission.passed ? t('assignment.passed') : t('assignment.notPassed')}
                  styles={submission.passed ? undefined : { title: { color: WARNING_TEXT } }}
                >
                  <Text size="sm">
                    {t('assignment.score', { score: submission.score ?? 0, max: content.maxScore })}
                  </Text>
                  {submission.feedback && (
                    <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                      {submission.feedback}
                    </Text>
                  )}
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('assignment.waitingGrade')}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('assignment.none')}
            </Text>
          )}
          {content.history && content.history.length > 0 && (
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('learnrec.historyTitle')}
              </Text>
              {content.history.map((h) => (
                <Text key={h.id} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('learnrec.historyItem', {
                    name: h.fileName,
                    date: formatDateTime(h.submittedAt, timeZone, i18n.language),
                  })}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      </Card>

      {!readOnly && !submission?.gradedAt && (
        <Stack gap="xs">
          <Group gap="sm" wrap="wrap">
            <FileButton
              onChange={(f) => {
                setTooLarge(!!f && f.size > MAX_SUBMISSION_BYTES);
                setFile(f && f.size <= MAX_SUBMISSION_BYTES ? f : null);
                mutation.reset();
              }}
            >
              {(props) => (
                <Button {...props} variant="default" disabled={mutation.isPending}>
                  {submission ? t('assignment.chooseNew') : t('assignment.choose')}
                </Button>
              )}
            </FileButton>
            {file && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }} aria-live="polite">
                {file.name} ({formatBytes(file.size)})
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('assignment.hint', { size: formatBytes(MAX_SUBMISSION_BYTES) })}
          </Text>
          {tooLarge && (
            <Text size="sm" c={DANGER_TEXT} role="alert">
              {t('assignment.tooLarge', { size: formatBytes(MAX_SUBMISSION_BYTES) })}
            </Text>
          )}
          {mutation.isPending && (
            <div aria-live="polite">
              <Progress value={percent} size="lg" aria-label={t('assignment.uploadProgress')} />
              <Text size="sm" mt={4}>
                {t('assignment.uploading', { percent })}
              </Text>
            </div>
          )}
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Group>
            <Button onClick={() => void onSubmit()} disabled={!file} loading={mutation.isPending}>
              {t('assignment.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
