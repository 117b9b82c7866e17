import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { Alert, Anchor, Box, Button, Progress, Stack, Text } from '@mantine/core';
import type { LessonProgress, PlayerLessonContent, ProgressUpdate } from '@kompeten/shared-contracts';
import { embedUrl, parseVideoUrl, type VideoSource } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { errorMessage } from '../../../shared/api';
import { notify } from '../../../shared/notify';
import { downloadCourseFile } from '../api';
import { useProtectedFile } from '../tracking';
import { attachPlayer, type EmbeddedPlayer } from '../video-players';
import { readIntervals, WatchTracker } from '../watched';

type VideoContent = Extract<PlayerLessonContent, { kind: 'video' }>;
type EmbeddedSource = Extract<VideoSource, { kind: 'youtube' | 'vimeo' }>;

const REPORT_MS = 10_000;
/** The embedded players are sampled twice a second (timers in a background tab may slow to once a second). */
const SAMPLE_MS = 500;
/** An <video> reports its time about four times a second; a longer jump is a seek. */
const FILE_MAX_STEP = 2;
/** Sampling every 0.5–1 s at up to 2× speed: a longer jump is a seek. */
const EMBED_MAX_STEP = 2.5;
const PROVIDER_NAME = { youtube: 'YouTube', vimeo: 'Vimeo' } as const;

function storageKey(enrolmentId: string, lessonId: string) {
  return `kompeten.video.${enrolmentId}.${lessonId}`;
}

function loadIntervals(key: string) {
  try {
    return readIntervals(JSON.parse(localStorage.getItem(key) ?? '[]'));
  } catch {
    return [];
  }
}

export interface VideoLessonProps {
  enrolmentId: string;
  lessonId: string;
  title: string;
  content: VideoContent;
  progress: LessonProgress;
  report: (update: ProgressUpdate) => void;
  /** An author's or reviewer's preview: nothing is reported or remembered. */
  preview?: boolean;
}

/**
 * A video lesson: an uploaded or linked video file plays in an HTML5 <video>; a YouTube or Vimeo link plays in that
 * service's player. Either way the seconds actually played are counted (watched.ts) and the watched share is reported
 * through the progress API about every 10 s while playing, on pause, at the end and when the lesson closes, so the
 * author's "complete at 90 % watched" rule works for every kind of video.
 */
export function VideoLesson(props: VideoLessonProps) {
  const verdict = props.content.url ? parseVideoUrl(props.content.url) : null;
  const source = verdict?.ok && verdict.source.kind !== 'file' ? verdict.source : null;
  return source ? <EmbeddedVideo {...props} source={source} /> : <FileVideo {...props} />;
}

/** What both players share: the tracker, the duration and playhead, and reporting the watched share. */
function useWatchReporting(
  { enrolmentId, lessonId, content, progress, report, preview }: VideoLessonProps,
  maxStep: number,
) {
  const key = storageKey(enrolmentId, lessonId);
  const tracker = useRef<WatchTracker | null>(null);
  tracker.current ??= new WatchTracker(preview ? [] : loadIntervals(key), maxStep);
  const serverRatio = progress.watchedRatio ?? 0;
  const reported = useRef(serverRatio);
  const duration = useRef(content.durationSeconds ?? 0);
  const position = useRef(0);
  const playing = useRef(false);
  const [ratio, setRatio] = useState(serverRatio);

  const currentRatio = useCallback(() => {
    const watched = tracker.current as WatchTracker;
    return duration.current > 0 ? Math.max(serverRatio, watched.ratio(duration.current)) : serverRatio;
  }, [serverRatio]);

  const refresh = useCallback(() => setRatio(currentRatio()), [currentRatio]);

  const send = useCallback(
    (force = false) => {
      if (preview) return;
      const value = Math.round(currentRatio() * 1000) / 1000;
      if (!force && value <= reported.current) return;
      reported.current = Math.max(reported.current, value);
      try {
        localStorage.setItem(key, JSON.stringify(tracker.current?.intervals ?? []));
      } catch {
        // Storage full or disabled: the server's ratio still counts.
      }
      report({ event: 'video', watchedRatio: value, position: { seconds: Math.floor(position.current) } });
    },
    [currentRatio, key, preview, report],
  );

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (playing.current) send(true);
    }, REPORT_MS);
    return () => {
      window.clearInterval(timer);
      send();
    };
  }, [send]);

  return { tracker: tracker as MutableRefObject<WatchTracker>, duration, position, playing, ratio, refresh, send };
}

function WatchProgress({
  ratio,
  content,
  progress,
  preview,
}: Pick<VideoLessonProps, 'content' | 'progress' | 'preview'> & { ratio: number }) {
  const { t } = useTranslation('learning');
  const percent = Math.round(ratio * 100);
  const target = Math.round(content.completeAtRatio * 100);
  return (
    <Stack gap={4}>
      <Progress value={percent} aria-label={t('video.watchedLabel')} />
      <Text size="sm" c="dimmed">
        {progress.status === 'completed' ? t('video.done', { percent }) : t('video.watched', { percent, target })}
        {preview ? ` ${t('video.previewNotCounted')}` : ''}
      </Text>
    </Stack>
  );
}

/** An uploaded video (fetched with the token) or a linked video file, in an HTML5 <video>. */
function FileVideo(props: VideoLessonProps) {
  const { title, content, progress } = props;
  const { t } = useTranslation('learning');
  const file = useProtectedFile(content.url ? null : content.fileId);
  const src = content.url ?? file.url;
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const watch = useWatchReporting(props, FILE_MAX_STEP);

  const onTimeUpdate = () => {
    const el = video.current;
    if (!el) return;
    watch.position.current = el.currentTime;
    // Only continuous playback counts: a seek is not watching.
    if (el.seeking) watch.tracker.current.interrupt(el.currentTime);
    else if (watch.tracker.current.playing(el.currentTime)) watch.refresh();
  };

  const onLoaded = () => {
    const el = video.current;
    if (!el) return;
    if (Number.isFinite(el.duration) && el.duration > 0) watch.duration.current = el.duration;
    const seconds = Number((progress.position as { seconds?: unknown } | null)?.seconds);
    if (Number.isFinite(seconds) && seconds > 0 && seconds < el.duration - 3) el.currentTime = seconds;
    watch.tracker.current.interrupt(el.currentTime);
    watch.refresh();
  };

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
          onSeeked={() => watch.tracker.current.interrupt(video.current?.currentTime ?? null)}
          onPlay={() => (watch.playing.current = true)}
          onPause={() => {
            watch.playing.current = false;
            watch.tracker.current.interrupt();
            watch.send(true);
          }}
          onEnded={() => {
            watch.playing.current = false;
            watch.send(true);
          }}
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
      <WatchProgress ratio={watch.ratio} content={content} progress={progress} preview={props.preview} />
    </Stack>
  );
}

/**
 * A YouTube or Vimeo link in that service's player. The iframe is ours (so it carries a title and sends a referrer,
 * which YouTube's embeds require), the player API is attached to it, and the playhead is sampled while it plays.
 */
function EmbeddedVideo(props: VideoLessonProps & { source: EmbeddedSource }) {
  const { title, content, progress, source } = props;
  const { t } = useTranslation('learning');
  const iframe = useRef<HTMLIFrameElement>(null);
  const [unavailable, setUnavailable] = useState(false);
  const watch = useWatchReporting(props, EMBED_MAX_STEP);
  const { tracker, duration, position, playing } = watch;
  // The player lives as long as the lesson is open; the latest callbacks are read through a ref so that a new
  // progress answer (which changes them) never re-creates the player mid-play.
  const latest = useRef({ refresh: watch.refresh, send: watch.send });
  latest.current = { refresh: watch.refresh, send: watch.send };
  const provider = PROVIDER_NAME[source.kind];

  // Resume where the learner stopped (YouTube takes the start second in the address).
  const [src] = useState(() => {
    const seconds = Math.floor(Number((progress.position as { seconds?: unknown } | null)?.seconds) || 0);
    const resumed = source.kind === 'youtube' && seconds > 3 ? { ...source, startSeconds: seconds } : source;
    return embedUrl(resumed, window.location.origin) ?? '';
  });

  useEffect(() => {
    const el = iframe.current;
    if (!el) return;
    let player: EmbeddedPlayer | null = null;
    let cancelled = false;
    let sampler = 0;
    const refresh = () => latest.current.refresh();
    const send = (force: boolean) => latest.current.send(force);
    const readDuration = () =>
      void player?.duration().then((d) => {
        if (d > 0) {
          duration.current = d;
          refresh();
        }
      });
    const sample = () =>
      void player?.currentTime().then((time) => {
        position.current = time;
        if (playing.current && tracker.current.playing(time)) refresh();
      });
    attachPlayer(source.kind, el, {
      onReady: readDuration,
      onPlay: () => {
        playing.current = true;
        readDuration();
        window.clearInterval(sampler);
        sampler = window.setInterval(sample, SAMPLE_MS);
        sample();
      },
      onPause: () => {
        playing.current = false;
        window.clearInterval(sampler);
        tracker.current.interrupt();
        send(true);
      },
      onEnded: () => {
        window.clearInterval(sampler);
        // The last stretch up to the end counts before reporting.
        void player?.currentTime().then((time) => {
          position.current = time;
          if (tracker.current.playing(time)) refresh();
          playing.current = false;
          tracker.current.interrupt();
          send(true);
        });
      },
      onError: () => undefined,
    }).then(
      (p) => {
        if (cancelled) p.destroy();
        else player = p;
      },
      () => {
        if (!cancelled) setUnavailable(true);
      },
    );
    return () => {
      cancelled = true;
      window.clearInterval(sampler);
      player?.destroy();
    };
  }, [source.kind, duration, position, playing, tracker]);

  return (
    <Stack gap="sm">
      <Box
        pos="relative"
        w="100%"
        style={{
          aspectRatio: '16 / 9',
          borderRadius: 'var(--mantine-radius-md)',
          overflow: 'hidden',
          background: '#000',
        }}
      >
        <iframe
          ref={iframe}
          src={src}
          title={t('video.playerTitle', { title })}
          allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', border: 0 }}
        />
      </Box>
      {unavailable && (
        <Alert variant="light" color="gray" title={t('video.cannotPlay')}>
          <Stack gap={4} align="flex-start">
            <Text size="sm">{t('video.playerUnavailable', { provider })}</Text>
            <Anchor href={content.url ?? undefined} target="_blank" rel="noopener noreferrer">
              {t('video.openProvider', { provider })}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <WatchProgress ratio={watch.ratio} content={content} progress={progress} preview={props.preview} />
    </Stack>
  );
}
