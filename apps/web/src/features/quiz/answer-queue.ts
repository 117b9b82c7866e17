import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode, type AnswerResponse, type AttemptView } from '@kompeten/shared-contracts';
import { ApiError, NETWORK_ERROR_CODE } from '../../shared/api';
import { saveAnswer, saveAnswers } from './api';

/**
 * Autosave with an offline queue. Every change is written to localStorage first (so a reload or a lost connection
 * keeps it), then PUT to the server. Unsent answers are resent when the browser comes back `online`, after the next
 * save that succeeds, and every 15 s while any wait. The server stores answers idempotently per question.
 */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'queued' | 'error';

export interface AnswerStatus {
  state: SaveState;
  savedAt: string | null;
  error?: string;
}

interface Pending {
  response: AnswerResponse;
  seq: number;
}

/** Errors after which no save can ever succeed: the attempt is over. */
const FINAL_CODES: readonly string[] = [ErrorCode.ASSESSMENT_DEADLINE_PASSED, ErrorCode.ASSESSMENT_ATTEMPT_CLOSED, ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND];
const RETRY_MS = 15_000;

export function pendingStorageKey(attemptId: string): string {
  return `kompeten.attempt.${attemptId}.pending`;
}

function readPending(attemptId: string): Record<string, Pending> {
  try {
    const raw = JSON.parse(localStorage.getItem(pendingStorageKey(attemptId)) ?? '{}') as unknown;
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Pending>) : {};
  } catch {
    return {};
  }
}

function writePending(attemptId: string, pending: Record<string, Pending>): void {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(pendingStorageKey(attemptId));
    else localStorage.setItem(pendingStorageKey(attemptId), JSON.stringify(pending));
  } catch {
    // Storage disabled or full: answers are still sent while online.
  }
}

export function clearPending(attemptId: string): void {
  writePending(attemptId, {});
}

/** Retry later (offline, timeout, server trouble) rather than give up. */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.code === NETWORK_ERROR_CODE || error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408;
}

export function useAnswerQueue(attempt: AttemptView, onFinal: (error: ApiError) => void) {
  const attemptId = attempt.id;
  const pending = useRef<Record<string, Pending>>({});
  const inFlight = useRef(new Set<string>());
  const timers = useRef(new Map<string, number>());
  const seq = useRef(0);
  const finalRef = useRef(onFinal);
  const closed = useRef(false);

  // Responses shown in the inputs: the server's answers, overlaid with what this device has not sent yet.
  const [state, setState] = useState(() => {
    const stored = readPending(attemptId);
    pending.current = stored;
    seq.current = Math.max(0, ...Object.values(stored).map((p) => p.seq ?? 0));
    const responses: Record<string, AnswerResponse> = {};
    const status: Record<string, AnswerStatus> = {};
    for (const answer of attempt.answers) {
      responses[answer.questionId] = answer.response;
      status[answer.questionId] = { state: 'saved', savedAt: answer.savedAt };
    }
    for (const [questionId, entry] of Object.entries(stored)) {
      responses[questionId] = entry.response;
      status[questionId] = { state: 'queued', savedAt: status[questionId]?.savedAt ?? null };
    }
    return { responses, status };
  });
  const [online, setOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    finalRef.current = onFinal;
  }, [onFinal]);

  const setStatus = useCallback((ids: string[], next: (prev: AnswerStatus | undefined) => AnswerStatus) => {
    setState((s) => {
      const status = { ...s.status };
      for (const id of ids) status[id] = next(s.status[id]);
      return { ...s, status };
    });
  }, []);

  const fail = useCallback(
    (ids: string[], error: unknown) => {
      if (error instanceof ApiError && FINAL_CODES.includes(error.code)) {
        closed.current = true;
        setStatus(ids, (prev) => ({ state: 'queued', savedAt: prev?.savedAt ?? null }));
        finalRef.current(error);
        return;
      }
      if (isTransient(error)) {
        setStatus(ids, (prev) => ({ state: 'queued', savedAt: prev?.savedAt ?? null }));
        return;
      }
      // The server refused this answer (e.g. ASSESSMENT.INVALID_RESPONSE): resending will not help.
      for (const id of ids) delete pending.current[id];
      writePending(attemptId, pending.current);
      const message = error instanceof ApiError ? error.message : undefined;
      setStatus(ids, (prev) => ({ state: 'error', savedAt: prev?.savedAt ?? null, error: message }));
    },
    [attemptId, setStatus],
  );

  const acknowledge = useCallback(
    (sent: Record<string, Pending>, savedAt: string) => {
      const done: string[] = [];
      for (const [id, entry] of Object.entries(sent)) {
        // A newer change made while this one travelled stays pending.
        if (pending.current[id]?.seq === entry.seq) {
          delete pending.current[id];
          done.push(id);
        }
      }
      writePending(attemptId, pending.current);
      setStatus(done, () => ({ state: 'saved', savedAt }));
    },
    [attemptId, setStatus],
  );

  /** Sends every waiting answer that is not already travelling or waiting for its debounce. Resolves true when none is left. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (closed.current) return false;
    const batch: Record<string, Pending> = {};
    for (const [id, entry] of Object.entries(pending.current)) {
      if (!inFlight.current.has(id)) batch[id] = entry;
    }
    const ids = Object.keys(batch);
    for (const id of ids) {
      const timer = timers.current.get(id);
      if (timer !== undefined) {
        window.clearTimeout(timer);
        timers.current.delete(id);
      }
    }
    if (ids.length > 0) {
      ids.forEach((id) => inFlight.current.add(id));
      setStatus(ids, (prev) => ({ state: 'saving', savedAt: prev?.savedAt ?? null }));
      try {
        const res = await saveAnswers(
          attemptId,
          ids.map((questionId) => ({ questionId, response: batch[questionId].response })),
        );
        acknowledge(batch, res?.savedAt ?? new Date().toISOString());
        setOnline(true);
      } catch (error) {
        fail(ids, error);
      } finally {
        ids.forEach((id) => inFlight.current.delete(id));
      }
    }
    return Object.keys(pending.current).length === 0 && inFlight.current.size === 0;
  }, [acknowledge, attemptId, fail, setStatus]);

  const sendOne = useCallback(
    async (questionId: string) => {
      timers.current.delete(questionId);
      const entry = pending.current[questionId];
      if (!entry || closed.current) return;
      if (inFlight.current.has(questionId)) {
        // Try again once the earlier save for this question has answered.
        timers.current.set(
          questionId,
          window.setTimeout(() => void sendOne(questionId), 300),
        );
        return;
      }
      inFlight.current.add(questionId);
      setStatus([questionId], (prev) => ({ state: 'saving', savedAt: prev?.savedAt ?? null }));
      try {
        const res = await saveAnswer(attemptId, questionId, entry.response);
        acknowledge({ [questionId]: entry }, res?.savedAt ?? new Date().toISOString());
        setOnline(true);
        inFlight.current.delete(questionId);
        // The connection works: send whatever else waits.
        if (Object.keys(pending.current).some((id) => !timers.current.has(id) && !inFlight.current.has(id))) void flush();
      } catch (error) {
        inFlight.current.delete(questionId);
        fail([questionId], error);
      }
    },
    [acknowledge, attemptId, fail, flush, setStatus],
  );

  /** Records a change; text is sent after a pause in typing (delayMs), choices at once. */
  const change = useCallback(
    (questionId: string, response: AnswerResponse, delayMs = 0) => {
      if (closed.current) return;
      seq.current += 1;
      pending.current[questionId] = { response, seq: seq.current };
      writePending(attemptId, pending.current);
      setState((s) => ({
        responses: { ...s.responses, [questionId]: response },
        status: { ...s.status, [questionId]: { state: 'unsaved', savedAt: s.status[questionId]?.savedAt ?? null } },
      }));
      const timer = timers.current.get(questionId);
      if (timer !== undefined) window.clearTimeout(timer);
      timers.current.set(
        questionId,
        window.setTimeout(() => void sendOne(questionId), delayMs),
      );
    },
    [attemptId, sendOne],
  );

  useEffect(() => {
    const onOnline = () => {
      setOnline(true);
      void flush();
    };
    const onOffline = () => setOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const retry = window.setInterval(() => {
      if (Object.keys(pending.current).length > 0 && navigator.onLine) void flush();
    }, RETRY_MS);
    // Answers left on this device by an earlier visit go out now.
    if (Object.keys(pending.current).length > 0) void flush();
    const pendingTimers = timers.current;
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.clearInterval(retry);
      pendingTimers.forEach((t) => window.clearTimeout(t));
      pendingTimers.clear();
      // Leaving the page mid-debounce: send now (what fails stays in localStorage for the next visit).
      if (Object.keys(pending.current).length > 0) void flush();
    };
  }, [flush]);

  const unsent = Object.values(state.status).filter((s) => s.state !== 'saved' && s.state !== 'error').length;
  return { responses: state.responses, status: state.status, online, unsent, change, flush };
}
