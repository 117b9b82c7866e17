import { ErrorCode, type AnswerResponse, type AttemptView } from '@kompeten/shared-contracts';
// api-error, not the shared/api barrel: the barrel loads i18n and the DOM, and this class must run in unit tests as it is.
import { ApiError, NETWORK_ERROR_CODE } from '../../shared/api/api-error';
import { readPending, writePending, type AnswerStorage, type PendingAnswers } from './pending-answers';

/**
 * Autosave with an offline queue. Every change is written to storage first (so a reload or a lost connection keeps
 * it), then PUT to the server. Unsent answers are resent when the browser comes back `online`, after the next save that
 * succeeds, and every RETRY_MS while any wait. The server stores answers idempotently per question, and the queue keeps
 * one entry per question (the latest change), so a resend never writes an answer twice.
 */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'queued' | 'error';

export interface AnswerStatus {
  state: SaveState;
  savedAt: string | null;
  error?: string;
}

export interface AnswerQueueState {
  /** The server's answers, overlaid with what this device has not had saved yet. */
  responses: Record<string, AnswerResponse>;
  status: Record<string, AnswerStatus>;
  online: boolean;
  /** Answers still to be saved (a refused one is not: it will not be sent again). */
  unsent: number;
}

export interface AnswerTransport {
  saveAnswer(attemptId: string, questionId: string, response: AnswerResponse): Promise<{ savedAt: string } | undefined>;
  saveAnswers(
    attemptId: string,
    answers: Array<{ questionId: string; response: AnswerResponse }>,
  ): Promise<{ savedAt: string } | undefined>;
}

export interface AnswerQueueOptions {
  transport: AnswerTransport;
  storage: AnswerStorage | null;
  /** Where the browser's `online` and `offline` events arrive (window). */
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  isOnline: () => boolean;
  /** The attempt is over (closed, past its deadline, gone): nothing more is sent. */
  onFinal: (error: ApiError) => void;
}

/** Errors after which no save can ever succeed: the attempt is over. */
const FINAL_CODES: readonly string[] = [
  ErrorCode.ASSESSMENT_DEADLINE_PASSED,
  ErrorCode.ASSESSMENT_ATTEMPT_CLOSED,
  ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND,
];
export const RETRY_MS = 15_000;
/** A change made while the previous save of the same question travels waits this long before trying again. */
const BUSY_RETRY_MS = 300;

const isFinal = (error: unknown): error is ApiError => error instanceof ApiError && FINAL_CODES.includes(error.code);

/**
 * Retry later rather than give up: offline, timeout, server trouble, and an expired session (the answers wait on this
 * device until the learner signs in again).
 */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.code === NETWORK_ERROR_CODE ||
    error.status === 0 ||
    error.status >= 500 ||
    [401, 408, 429].includes(error.status)
  );
}

export class AnswerQueue {
  readonly attemptId: string;
  private readonly options: AnswerQueueOptions;
  private readonly pending: PendingAnswers;
  private readonly inFlight = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private seq: number;
  private closed = false;
  private retry: ReturnType<typeof setInterval> | null = null;
  private state: AnswerQueueState;

  constructor(attempt: Pick<AttemptView, 'id' | 'answers'>, options: AnswerQueueOptions) {
    this.attemptId = attempt.id;
    this.options = options;
    this.pending = readPending(options.storage, attempt.id);
    this.seq = Math.max(0, ...Object.values(this.pending).map((p) => p.seq ?? 0));
    const responses: Record<string, AnswerResponse> = {};
    const status: Record<string, AnswerStatus> = {};
    for (const answer of attempt.answers) {
      responses[answer.questionId] = answer.response;
      status[answer.questionId] = { state: 'saved', savedAt: answer.savedAt };
    }
    for (const [questionId, entry] of Object.entries(this.pending)) {
      responses[questionId] = entry.response;
      status[questionId] = { state: 'queued', savedAt: status[questionId]?.savedAt ?? null };
    }
    this.state = { responses, status, online: options.isOnline(), unsent: 0 };
    this.state.unsent = countUnsent(status);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): AnswerQueueState => this.state;

  /** Listens for the connection, retries every RETRY_MS, and sends what an earlier visit left on this device. */
  start(): void {
    if (this.retry !== null) return;
    this.options.events.addEventListener('online', this.onOnline);
    this.options.events.addEventListener('offline', this.onOffline);
    this.retry = setInterval(() => {
      if (this.hasPending() && this.options.isOnline()) void this.flush();
    }, RETRY_MS);
    if (this.hasPending()) void this.flush();
  }

  /** Leaving the page, perhaps mid-debounce: sends now (what fails stays in storage for the next visit). */
  stop(): void {
    if (this.retry === null) return;
    this.options.events.removeEventListener('online', this.onOnline);
    this.options.events.removeEventListener('offline', this.onOffline);
    clearInterval(this.retry);
    this.retry = null;
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    if (this.hasPending()) void this.flush();
  }

  /** Records a change; text is sent after a pause in typing (delayMs), choices at once. */
  readonly change = (questionId: string, response: AnswerResponse, delayMs = 0): void => {
    if (this.closed) return;
    this.seq += 1;
    this.pending[questionId] = { response, seq: this.seq };
    this.persist();
    this.update((s) => ({
      ...s,
      responses: { ...s.responses, [questionId]: response },
      status: { ...s.status, [questionId]: { state: 'unsaved', savedAt: s.status[questionId]?.savedAt ?? null } },
    }));
    this.cancelTimer(questionId);
    this.timers.set(
      questionId,
      setTimeout(() => void this.sendOne(questionId), delayMs),
    );
  };

  /** Sends every waiting answer that is not already travelling, in one request. Resolves true when none is left. */
  readonly flush = async (): Promise<boolean> => {
    if (this.closed) return false;
    const batch: PendingAnswers = {};
    for (const [id, entry] of Object.entries(this.pending)) {
      if (!this.inFlight.has(id)) batch[id] = entry;
    }
    const ids = Object.keys(batch);
    ids.forEach((id) => this.cancelTimer(id));
    if (ids.length > 0) {
      ids.forEach((id) => this.inFlight.add(id));
      this.setStatus(ids, (prev) => ({ state: 'saving', savedAt: prev?.savedAt ?? null }));
      let failure: { error: unknown } | null = null;
      try {
        const res = await this.options.transport.saveAnswers(
          this.attemptId,
          ids.map((questionId) => ({ questionId, response: batch[questionId].response })),
        );
        this.acknowledge(batch, res?.savedAt ?? new Date().toISOString());
        this.setOnline(true);
      } catch (error) {
        failure = { error };
      } finally {
        ids.forEach((id) => this.inFlight.delete(id));
      }
      if (failure && ids.length > 1 && !isFinal(failure.error) && !isTransient(failure.error)) {
        // The server refuses the whole request for one bad answer: send each on its own, so only the bad ones are dropped.
        await Promise.all(ids.map((id) => this.sendNow(id)));
      } else if (failure) {
        this.fail(ids, failure.error);
      }
    }
    return !this.hasPending() && this.inFlight.size === 0;
  };

  private readonly onOnline = () => {
    this.setOnline(true);
    void this.flush();
  };

  private readonly onOffline = () => this.setOnline(false);

  private hasPending(): boolean {
    return Object.keys(this.pending).length > 0;
  }

  private persist(): void {
    writePending(this.options.storage, this.attemptId, this.pending);
  }

  private cancelTimer(questionId: string): void {
    const timer = this.timers.get(questionId);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(questionId);
    }
  }

  private sendNow(questionId: string): Promise<void> {
    this.cancelTimer(questionId);
    return this.sendOne(questionId);
  }

  private async sendOne(questionId: string): Promise<void> {
    this.timers.delete(questionId);
    const entry = this.pending[questionId];
    if (!entry || this.closed) return;
    if (this.inFlight.has(questionId)) {
      // Try again once the earlier save for this question has answered.
      this.timers.set(
        questionId,
        setTimeout(() => void this.sendOne(questionId), BUSY_RETRY_MS),
      );
      return;
    }
    this.inFlight.add(questionId);
    this.setStatus([questionId], (prev) => ({ state: 'saving', savedAt: prev?.savedAt ?? null }));
    try {
      const res = await this.options.transport.saveAnswer(this.attemptId, questionId, entry.response);
      this.acknowledge({ [questionId]: entry }, res?.savedAt ?? new Date().toISOString());
      this.setOnline(true);
      this.inFlight.delete(questionId);
      // The connection works: send whatever else waits.
      if (Object.keys(this.pending).some((id) => !this.timers.has(id) && !this.inFlight.has(id))) void this.flush();
    } catch (error) {
      this.inFlight.delete(questionId);
      this.fail([questionId], error);
    }
  }

  private acknowledge(sent: PendingAnswers, savedAt: string): void {
    const done: string[] = [];
    for (const [id, entry] of Object.entries(sent)) {
      // A newer change made while this one travelled stays pending.
      if (this.pending[id]?.seq === entry.seq) {
        delete this.pending[id];
        done.push(id);
      }
    }
    this.persist();
    this.setStatus(done, () => ({ state: 'saved', savedAt }));
  }

  private fail(ids: string[], error: unknown): void {
    if (isFinal(error)) {
      this.closed = true;
      this.setStatus(ids, (prev) => ({ state: 'queued', savedAt: prev?.savedAt ?? null }));
      this.options.onFinal(error);
      return;
    }
    if (isTransient(error)) {
      this.setStatus(ids, (prev) => ({ state: 'queued', savedAt: prev?.savedAt ?? null }));
      return;
    }
    // The server refused this answer (e.g. ASSESSMENT.INVALID_RESPONSE): resending will not help.
    for (const id of ids) delete this.pending[id];
    this.persist();
    const message = error instanceof ApiError ? error.message : undefined;
    this.setStatus(ids, (prev) => ({ state: 'error', savedAt: prev?.savedAt ?? null, error: message }));
  }

  private setOnline(online: boolean): void {
    if (this.state.online !== online) this.update((s) => ({ ...s, online }));
  }

  private setStatus(ids: string[], next: (prev: AnswerStatus | undefined) => AnswerStatus): void {
    if (ids.length === 0) return;
    this.update((s) => {
      const status = { ...s.status };
      for (const id of ids) status[id] = next(s.status[id]);
      return { ...s, status };
    });
  }

  private update(next: (s: AnswerQueueState) => AnswerQueueState): void {
    const state = next(this.state);
    this.state = { ...state, unsent: countUnsent(state.status) };
    this.listeners.forEach((listener) => listener());
  }
}

function countUnsent(status: Record<string, AnswerStatus>): number {
  return Object.values(status).filter((s) => s.state !== 'saved' && s.state !== 'error').length;
}
