import { useRef, useState } from 'react';
import { Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatBytes } from '../../../shared/format';
import type { CourseFile } from '@kompeten/shared-contracts';
import { MAX_FILE_BYTES, uploadCourseFile, type FilePurpose } from '../api';
import { DANGER_TEXT } from '../colors';

interface FileUploadFieldProps {
  courseId: string;
  purpose: FilePurpose;
  accept?: string;
  label: string;
  /** The file already attached (id and, when known, name). */
  current: { id: string; name?: string } | null;
  onUploaded: (file: CourseFile & { name: string }) => void;
  /** Called with the chosen file before it is uploaded (e.g. to read a video's length). */
  onPicked?: (file: File) => void;
}

/** Choose a file, upload it with a progress bar, hand the stored file id to the form. */
export function FileUploadField({
  courseId,
  purpose,
  accept,
  label,
  current,
  onUploaded,
  onPicked,
}: FileUploadFieldProps) {
  const { t } = useTranslation('courses');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const max = MAX_FILE_BYTES[purpose];

  const onPick = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setTooLarge(false);
    if (file.size > max) {
      setTooLarge(true);
      return;
    }
    onPicked?.(file);
    abort.current = new AbortController();
    setProgress(0);
    try {
      const stored = await uploadCourseFile(courseId, file, purpose, setProgress, abort.current.signal);
      onUploaded({ ...stored, name: stored.fileName ?? file.name });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} component="div">
        {label}
      </Text>
      <Text size="sm" c={current ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {current ? t('file.current', { name: current.name ?? current.id }) : t('file.none')}
      </Text>
      <Group gap="sm">
        <FileButton onChange={(file) => void onPick(file)} accept={accept}>
          {(props) => (
            <Button {...props} variant="default" size="sm" disabled={progress !== null}>
              {current ? t('file.replace') : t('file.choose')}
            </Button>
          )}
        </FileButton>
        {progress !== null && (
          <Button variant="subtle" color="red" size="sm" onClick={() => abort.current?.abort()}>
            {t('file.cancelUpload')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('file.maxSize', { size: formatBytes(max) })}
      </Text>
      {progress !== null && (
        <div aria-live="polite">
          <Progress value={percent} size="lg" aria-label={t('file.progress')} />
          <Text size="sm" mt={4}>
            {t('file.uploading', { percent })}
          </Text>
        </div>
      )}
      {tooLarge && (
        <Text size="sm" c={DANGER_TEXT} role="alert">
          {t('file.tooLarge', { size: formatBytes(max) })}
        </Text>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
