import { useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { PlayerLesson, PlayerLessonContent, ProgressUpdate } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatDateTime } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { QuizLessonPanel } from '../../quiz/components/QuizLessonPanel';
import { downloadCourseFile } from '../api';
import { useProtectedFile } from '../tracking';
import { AssignmentLesson } from './AssignmentLesson';
import { VideoLesson } from './VideoLesson';
import { RichTextView } from '../../../shared/components/RichTextView';

function DocumentLesson({ title, fileId }: { title: string; fileId: string }) {
  const { t } = useTranslation('learning');
  const file = useProtectedFile(fileId);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadCourseFile(fileId, `${title}.pdf`);
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Stack gap="sm">
      {file.loading && <LoadingBlock />}
      {file.error !== null && <ErrorAlert error={file.error} />}
      {file.url && (
        <object
          data={file.url}
          type="application/pdf"
          aria-label={title}
          style={{
            width: '100%',
            height: '75vh',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Text size="sm" p="md">
            {t('document.noInline')}
          </Text>
        </object>
      )}
      <Group>
        <Button variant="default" onClick={() => void download()} loading={downloading}>
          {t('document.download')}
        </Button>
      </Group>
    </Stack>
  );
}

function FileLesson({
  title,
  fileId,
  done,
  report,
}: {
  title: string;
  fileId: string;
  done: boolean;
  report: (u: ProgressUpdate) => void;
}) {
  const { t } = useTranslation('learning');
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadCourseFile(fileId, title);
      report({ event: 'downloaded' });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm">{done ? t('file.downloaded') : t('file.intro')}</Text>
      <Button onClick={() => void download()} loading={downloading}>
        {t('file.download')}
      </Button>
    </Stack>
  );
}

function LiveLesson({
  content,
  attended,
}: {
  content: Extract<PlayerLessonContent, { kind: 'live' }>;
  attended: boolean;
}) {
  const { t, i18n } = useTranslation('learning');
  const { me } = useAuth();
  const tz = me?.timeZone ?? 'Asia/Jakarta';
  const now = Date.now();
  const ended = new Date(content.endsAt).getTime() < now;
  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm">
        {t('live.when', {
          start: formatDateTime(content.startsAt, tz, i18n.language),
          end: formatDateTime(content.endsAt, tz, i18n.language),
        })}
      </Text>
      {ended ? (
        <Text size="sm" fw={500}>
          {t('live.ended')}
        </Text>
      ) : (
        <Button component="a" href={content.joinUrl} target="_blank" rel="noopener noreferrer">
          {t('live.join')}
        </Button>
      )}
      <Text size="sm" c="dimmed">
        {attended ? t('live.attended') : t('live.attendanceHint')}
      </Text>
    </Stack>
  );
}

interface LessonBodyProps {
  lesson: PlayerLesson;
  readOnly: boolean;
  report: (update: ProgressUpdate) => void;
  /** An author's or reviewer's preview (no enrolment): nothing is reported or remembered. */
  preview?: boolean;
}

/** The lesson itself, by kind. */
export function LessonBody({ lesson, readOnly, report, preview }: LessonBodyProps) {
  const { t } = useTranslation('learning');
  const c = lesson.content;
  switch (c.kind) {
    case 'text':
      return (
        // Authors' HTML is sanitised by the server when it is saved, and again on display (docs/learning.md).
        <RichTextView html={c.html} />
      );
    case 'video':
      return (
        <VideoLesson
          enrolmentId={lesson.enrolmentId}
          lessonId={lesson.lessonId}
          title={lesson.title}
          content={c}
          progress={lesson.progress}
          report={report}
          preview={preview}
        />
      );
    case 'document':
      return <DocumentLesson title={lesson.title} fileId={c.fileId} />;
    case 'file':
      return (
        <FileLesson
          title={lesson.title}
          fileId={c.fileId}
          done={lesson.progress.status === 'completed'}
          report={report}
        />
      );
    case 'link':
      return (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('link.intro')}</Text>
          <Anchor href={c.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {c.url} <span aria-hidden>↗</span>
            <VisuallyHidden> {t('link.newTab')}</VisuallyHidden>
          </Anchor>
        </Stack>
      );
    case 'quiz':
      return (
        <QuizLessonPanel
          enrolmentId={lesson.enrolmentId}
          lessonId={lesson.lessonId}
          quiz={c.quiz}
          readOnly={readOnly}
        />
      );
    case 'assignment':
      return (
        <AssignmentLesson enrolmentId={lesson.enrolmentId} lessonId={lesson.lessonId} content={c} readOnly={readOnly} />
      );
    case 'live':
      return <LiveLesson content={c} attended={lesson.progress.attended} />;
    default:
      return <Alert variant="light">{t('unknownKind')}</Alert>;
  }
}
