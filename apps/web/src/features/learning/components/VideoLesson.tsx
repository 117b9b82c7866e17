import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Progress, Stack, Text } from '@mantine/core';
import type { LessonProgress, PlayerLessonContent, ProgressUpdate } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { errorMessage } from '../../../shared/api';
import { notify } from '../../../shared/notify';
import { downloadCourseFile } from '../api';
import { useProtectedFile } from '../tracking';

type VideoContent = Extract<PlayerLessonContent, { kind: 'video' }>;
type Interval = [number, number];

const REPORT_MS = 10_000;

/** Watched stretches are merged, so re-watching a part does not count twice and skipping ahead counts nothing. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1] + 0.5) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

const watchedSeconds = (intervals: Interval[]) => intervals.reduce((sum, [a, b]) => sum + (b - a), 0);

function storageKey(enrolmentId: string, lessonId: string) {
  return `kompeten.video.${enrolmentId}.${lessonId}`;
}

function loadIntervals(key: string): Interval[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter((i): i is Interval => Array.isArray(i) && i.length === 2 && i.every((n) => typeof n === 'number'))
      : [];
  } catch {
    return [];
  }
}

interface VideoLessonProps {
  enrolmentId: string;
  lessonId: string;
  title: string;
  content: VideoContent;
  progress: LessonProgress;
  report: (update: ProgressUpdate) => void;
}

/** HTML5 video; reports the watched share and the position about every 10 s, on pause and at the end. */
export function VideoLesson({ enrolmentId, lessonId, title, content, progress, report }: VideoLessonProps) {
  const { t } = useTranslation('learning');
  const file = useProtectedFile(content.url ? null : content.fileId);
  const src = content.url ?? file.url;
  const video = useRef<HTMLVideoElement>(null);
  const key = storageKey(enrolmentId, lessonId);
  const intervals = useRef<Interval[]>(loadIntervals(key));
  const last = useRef<number | null>(null);
  const reported = useRef<number>(progress.watchedRatio ?? 0);
  const [ratio, setRatio] = useState(progress.watchedRatio ?? 0);
  const [failed, setFailed] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const serverRatio = progress.watchedRatio ?? 0;

  const currentRatio = useCallback(() => {
    const el = video.current;
    const duration =
      el && Number.isFinite(el.duration) && el.duration > 0 ? el.duration : (content.durationSeconds ?? 0);
    if (!duration) return serverRatio;
    return Math.min(1, Math.max(serverRatio, watchedSeconds(intervals.current) / duration));
  }, [content.durationSeconds, serverRatio]);

  const send = useCallback(
    (force = false) => {
      const el = video.current;
      const value = Math.round(currentRatio() * 1000) / 1000;
      if (!force && value <= reported.current) return;
      reported.current = Math.max(reported.current, value);
      try {
        localStorage.setItem(key, JSON.stringify(intervals.current));
      } catch {
        // Storage full or disabled: the server's ratio still counts.
      }
      report({ event: 'video', watchedRatio: value, position: { seconds: Math.floor(el?.currentTime ?? 0) } });
    },
    [currentRatio, key, report],
  );

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (video.current && !video.current.paused) send(true);
    }, REPORT_MS);
    return () => {
      window.clearInterval(timer);
      send();
    };
  }, [send]);

  const onTimeUpdate = () => {
    const el = video.current;
    if (!el) return;
    const now = el.currentTime;
    // Only continuous playback counts: a jump (seek) of more than 2 s starts a new stretch.
    if (last.current !== null && !el.seeking && now > last.current && now - last.current < 2) {
      intervals.current = merge([...intervals.current, [last.current, now]]);
      setRatio(currentRatio());
    }
    last.current = now;
  };

  const onLoaded = () => {
    const el = video.current;
    const seconds = Number((progress.position as { seconds?: unknown } | null)?.seconds);
    if (el && Number.isFinite(seconds) && seconds > 0 && seconds < el.duration - 3) el.currentTime = seconds;
    last.current = el?.currentTime ?? null;
    setRatio(currentRatio());
  };

  const percent = Math.round(ratio * 100);
  const target = Math.round(content.completeAtRatio * 100);
  return (
    <Stack gap="sm">
      {file.error !== null && <ErrorAlert error={file.error} />}
      {!src && file.loading && <LoadingBlock />}
      {src && (
        <video
          ref={video}
          src={src}
          controls
          preload="metadata"
          playsInline
          aria-label={title}
          style={{ width: '100%', maxHeight: '70vh', background: '#000', borderRadius: 'var(--mantine-radius-md)' }}
          onLoadedMetadata={onLoaded}
          onTimeUpdate={onTimeUpdate}
          onSeeked={() => {
            last.current = video.current?.currentTime ?? null;
          }}
          onPause={() => send(true)}
          onEnded={() => send(true)}
          onError={() => setFailed(true)}
        />
      )}
      {failed && (
        <Alert variant="light" color="gray" title={t('video.cannotPlay')}>
          {content.fileId ? (
            <Button
              variant="default"
              size="xs"
              loading={downloading}
              onClick={() => {
                setDownloading(true);
                void downloadCourseFile(content.fileId as string, title)
                  .catch((error: unknown) => notify({ color: 'red', message: errorMessage(error) }))
                  .finally(() => setDownloading(false));
              }}
            >
              {t('video.download')}
            </Button>
          ) : (
            <Anchor href={content.url ?? undefined} target="_blank" rel="noopener noreferrer">
              {t('video.openLink')}
            </Anchor>
          )}
        </Alert>
      )}
      <Stack gap={4}>
        <Progress value={percent} aria-label={t('video.watchedLabel')} />
        <Text size="sm" c="dimmed">
          {progress.status === 'completed' ? t('video.done', { percent }) : t('video.watched', { percent, target })}
        </Text>
      </Stack>
    </Stack>
  );
}
