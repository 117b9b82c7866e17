import { useEffect, useState } from 'react';
import type { LessonKind } from '@kompeten/shared-contracts';
import { protectedFileUrl } from './api';
import { useSendProgress } from './queries';

/**
 * Lessons reported as `opened`: those it completes (docs/learning.md, "What completes a lesson") and video, whose
 * server-side clock starts when it opens ("Time and video the server credits").
 */
const REPORT_OPEN: readonly LessonKind[] = ['text', 'document', 'link', 'video'];
const HEARTBEAT_MS = 30_000;

/**
 * Reports the lesson to the server while it is on screen: `opened` once (text, document, link, video), and a `heartbeat`
 * with the visible seconds every 30 s and when the learner leaves the lesson.
 */
export function useLessonTracking(
  enrolmentId: string,
  lessonId: string,
  kind: LessonKind | undefined,
  enabled: boolean,
) {
  const { mutate } = useSendProgress(enrolmentId, lessonId);

  useEffect(() => {
    if (!enabled || !kind || !REPORT_OPEN.includes(kind)) return;
    mutate({ event: 'opened' });
  }, [enabled, kind, mutate]);

  useEffect(() => {
    if (!enabled) return;
    let visibleSince: number | null = document.visibilityState === 'visible' ? Date.now() : null;
    let seconds = 0;
    const collect = () => {
      if (visibleSince !== null) {
        seconds += (Date.now() - visibleSince) / 1000;
        visibleSince = Date.now();
      }
    };
    const flush = (min: number) => {
      collect();
      const whole = Math.min(3600, Math.floor(seconds));
      if (whole < min) return;
      seconds -= whole;
      mutate({ event: 'heartbeat', secondsSpent: whole }, { onError: () => undefined });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        visibleSince = Date.now();
      } else {
        collect();
        visibleSince = null;
      }
    };
    const timer = window.setInterval(() => flush(1), HEARTBEAT_MS);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      flush(3);
    };
  }, [enabled, mutate]);

  return mutate;
}

/** A protected course file as a URL for <object>/<video>; revoked when the lesson closes. */
export function useProtectedFile(fileId: string | null | undefined) {
  const [state, setState] = useState<{ fileId: string; url: string | null; error: unknown }>({
    fileId: '',
    url: null,
    error: null,
  });
  useEffect(() => {
    if (!fileId) return;
    const controller = new AbortController();
    let revoke: (() => void) | null = null;
    protectedFileUrl(fileId, controller.signal).then(
      (file) => {
        revoke = file.revoke;
        setState({ fileId, url: file.url, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ fileId, url: null, error });
      },
    );
    return () => {
      controller.abort();
      revoke?.();
    };
  }, [fileId]);
  const current = state.fileId === fileId;
  return {
    url: current ? state.url : null,
    error: current ? state.error : null,
    loading: !!fileId && (!current || (!state.url && !state.error)),
  };
}
