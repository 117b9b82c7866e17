import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ErrorCode, type AnswerResponse, type SavedAnswer } from '@kompeten/shared-contracts';
import { ApiError, NETWORK_ERROR_CODE } from '../../shared/api/api-error';
import { AnswerQueue, RETRY_MS, type AnswerTransport } from './answer-queue';
import { clearPending, pendingStorageKey, type AnswerStorage } from './pending-answers';

const ATTEMPT = 'attempt-1';
const SAVED_AT = '2025-03-01T02:00:00.000Z';

class MemoryStorage implements AnswerStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  /** What the queue keeps for the attempt: question id → response. */
  kept(): Record<string, AnswerResponse> {
    const raw = this.items.get(pendingStorageKey(ATTEMPT));
    if (!raw) return {};
    return Object.fromEntries(
      Object.entries(JSON.parse(raw) as Record<string, { response: AnswerResponse }>).map(([id, p]) => [
        id,
        p.response,
      ]),
    );
  }
}

type Answer = { questionId: string; response: AnswerResponse };

/** The API as the queue sees it: records every request, stores what it accepts, fails as a test tells it to. */
class FakeServer implements AnswerTransport {
  readonly requests: Array<{ kind: 'one' | 'many'; answers: Answer[] }> = [];
  /** Every (question, response) written, in order. */
  readonly writes: Answer[] = [];
  /** The error to answer a request with, or null to accept it. */
  failWith: (answers: Answer[]) => Error | null = () => null;
  holding = false;
  private readonly gates: Array<() => void> = [];

  saveAnswer = (_attemptId: string, questionId: string, response: AnswerResponse) =>
    this.handle('one', [{ questionId, response }]);
  saveAnswers = (_attemptId: string, answers: Answer[]) => this.handle('many', answers);

  /** Lets the requests held so far answer. */
  release(): void {
    this.gates.splice(0).forEach((open) => open());
  }

  stored(): Record<string, AnswerResponse> {
    return Object.fromEntries(this.writes.map((w) => [w.questionId, w.response]));
  }

  private async handle(kind: 'one' | 'many', answers: Answer[]): Promise<{ savedAt: string }> {
    this.requests.push({ kind, answers: answers.map((a) => ({ ...a })) });
    if (this.holding) await new Promise<void>((open) => this.gates.push(open));
    const error = this.failWith(answers);
    if (error) throw error;
    this.writes.push(...answers);
    return { savedAt: SAVED_AT };
  }
}

const networkError = () => new ApiError(0, NETWORK_ERROR_CODE, 'Network error');
const httpError = (status: number, code: string, message = 'Ditolak') => new ApiError(status, code, message);

function setup(
  options: { storage?: AnswerStorage | null; answers?: SavedAnswer[]; online?: boolean; server?: FakeServer } = {},
) {
  const storage = options.storage === undefined ? new MemoryStorage() : options.storage;
  const server = options.server ?? new FakeServer();
  const events = new EventTarget();
  const connection = { online: options.online ?? true };
  const onFinal = jest.fn<(error: ApiError) => void>();
  const queue = new AnswerQueue(
    { id: ATTEMPT, answers: options.answers ?? [] },
    { transport: server, storage, events, isOnline: () => connection.online, onFinal },
  );
  return {
    queue,
    server,
    storage,
    onFinal,
    goOffline() {
      connection.online = false;
      events.dispatchEvent(new Event('offline'));
    },
    goOnline() {
      connection.online = true;
      events.dispatchEvent(new Event('online'));
    },
    state: () => queue.getSnapshot(),
    states: () => Object.fromEntries(Object.entries(queue.getSnapshot().status).map(([id, s]) => [id, s.state])),
  };
}

/** Runs due timers and lets the promises they started settle. */
const settle = (ms = 0) => jest.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('AnswerQueue: saving', () => {
  it('saves a choice at once and typed text once after the pause in typing', async () => {
    const t = setup();
    t.queue.start();
    t.queue.change('q1', 'opt-a');
    await settle();
    expect(t.server.requests).toEqual([{ kind: 'one', answers: [{ questionId: 'q1', response: 'opt-a' }] }]);
    expect(t.state().status.q1).toEqual({ state: 'saved', savedAt: SAVED_AT });

    t.queue.change('q2', 'Pelayanan', 800);
    await settle(500);
    t.queue.change('q2', 'Pelayanan publik', 800);
    await settle(799);
    expect(t.server.requests).toHaveLength(1);
    expect(t.states().q2).toBe('unsaved');
    await settle(1);
    expect(t.server.requests[1]).toEqual({
      kind: 'one',
      answers: [{ questionId: 'q2', response: 'Pelayanan publik' }],
    });
    expect(t.state().unsent).toBe(0);
    expect(t.storage?.getItem(pendingStorageKey(ATTEMPT))).toBeNull();
  });

  it('writes each answer once: a flush after everything is saved sends nothing and reports done', async () => {
    const t = setup();
    t.queue.start();
    t.queue.change('q1', ['a', 'c']);
    await settle();
    await expect(t.queue.flush()).resolves.toBe(true);
    await settle(RETRY_MS * 2);
    expect(t.server.writes).toEqual([{ questionId: 'q1', response: ['a', 'c'] }]);
  });

  it('sends a change made while the previous save of that question travels after it, and never marks it saved by the older acknowledgement', async () => {
    const t = setup();
    t.queue.start();
    t.server.holding = true;
    t.queue.change('q1', 'first');
    await settle();
    t.queue.change('q1', 'second');
    await settle();
    expect(t.server.requests).toHaveLength(1);

    t.server.release();
    await settle();
    expect(t.states().q1).not.toBe('saved');
    expect((t.storage as MemoryStorage).kept()).toEqual({ q1: 'second' });

    t.server.holding = false;
    await settle(300);
    expect(t.server.writes.map((w) => w.response)).toEqual(['first', 'second']);
    expect(t.states().q1).toBe('saved');
    expect((t.storage as MemoryStorage).kept()).toEqual({});
  });
});

describe('AnswerQueue: offline', () => {
  it('keeps answers made offline on the device, one per question, and sends them in one request in the order answered when the connection returns', async () => {
    const t = setup();
    t.queue.start();
    t.goOffline();
    t.server.failWith = networkError;
    t.queue.change('q1', 'a');
    t.queue.change('q2', true);
    t.queue.change('q3', 'c');
    t.queue.change('q1', 'b');
    await settle();
    expect(t.state()).toMatchObject({ online: false, unsent: 3 });
    expect(t.states()).toEqual({ q1: 'queued', q2: 'queued', q3: 'queued' });
    expect((t.storage as MemoryStorage).kept()).toEqual({ q1: 'b', q2: true, q3: 'c' });
    expect(t.server.writes).toEqual([]);

    t.server.failWith = () => null;
    const before = t.server.requests.length;
    t.goOnline();
    await settle();
    expect(t.server.requests.slice(before)).toEqual([
      {
        kind: 'many',
        answers: [
          { questionId: 'q1', response: 'b' },
          { questionId: 'q2', response: true },
          { questionId: 'q3', response: 'c' },
        ],
      },
    ]);
    expect(t.state()).toMatchObject({ online: true, unsent: 0 });
    expect(t.states()).toEqual({ q1: 'saved', q2: 'saved', q3: 'saved' });
    expect(t.storage?.getItem(pendingStorageKey(ATTEMPT))).toBeNull();
  });

  it('survives a reload: a new queue on the same storage shows the unsent answers over the server\u2019s and sends them when it starts', async () => {
    const storage = new MemoryStorage();
    const before = setup({ storage });
    before.queue.start();
    before.server.failWith = networkError;
    before.queue.change('q1', 'device answer');
    before.queue.change('q2', 42);
    await settle();
    before.queue.stop();
    await settle();

    const serverAnswers: SavedAnswer[] = [
      { questionId: 'q1', response: 'older server answer', savedAt: '2025-03-01T01:00:00.000Z' },
      { questionId: 'q3', response: 'x', savedAt: '2025-03-01T01:30:00.000Z' },
    ];
    const after = setup({ storage, answers: serverAnswers });
    expect(after.state().responses).toEqual({ q1: 'device answer', q2: 42, q3: 'x' });
    expect(after.state().status).toEqual({
      q1: { state: 'queued', savedAt: '2025-03-01T01:00:00.000Z' },
      q2: { state: 'queued', savedAt: null },
      q3: { state: 'saved', savedAt: '2025-03-01T01:30:00.000Z' },
    });
    expect(after.state().unsent).toBe(2);

    after.queue.start();
    await settle();
    expect(after.server.requests).toEqual([
      {
        kind: 'many',
        answers: [
          { questionId: 'q1', response: 'device answer' },
          { questionId: 'q2', response: 42 },
        ],
      },
    ]);
    expect(after.states()).toEqual({ q1: 'saved', q2: 'saved', q3: 'saved' });
    expect(storage.items.size).toBe(0);
  });

  it('orders a change after the reload after the stored ones, so a late acknowledgement cannot clear it', async () => {
    const storage = new MemoryStorage();
    storage.setItem(pendingStorageKey(ATTEMPT), JSON.stringify({ q1: { response: 'stored', seq: 1 } }));
    const t = setup({ storage });
    t.server.holding = true;
    t.queue.start();
    await settle();
    t.queue.change('q1', 'newer');
    t.server.holding = false;
    t.server.release();
    await settle(300);
    expect(t.server.stored()).toEqual({ q1: 'newer' });
    expect(storage.kept()).toEqual({});
  });
});

describe('AnswerQueue: failures', () => {
  it.each([
    ['a server error', () => httpError(503, 'HTTP.503')],
    ['a lost connection', networkError],
    ['too many requests', () => httpError(429, 'HTTP.429')],
    ['a timeout', () => httpError(408, 'HTTP.408')],
  ])('after %s it waits RETRY_MS before trying again, then saves', async (_name, error) => {
    const t = setup();
    t.queue.start();
    t.server.failWith = error;
    t.queue.change('q1', 'a');
    await settle();
    expect(t.states().q1).toBe('queued');
    expect(t.server.requests).toHaveLength(1);

    await settle(RETRY_MS - 1);
    expect(t.server.requests).toHaveLength(1);

    t.server.failWith = () => null;
    await settle(1);
    expect(t.server.requests).toHaveLength(2);
    expect(t.states().q1).toBe('saved');
    expect(t.server.stored()).toEqual({ q1: 'a' });
  });

  it('does not retry while the browser reports no connection', async () => {
    const t = setup({ online: false });
    t.queue.start();
    t.server.failWith = networkError;
    t.queue.change('q1', 'a');
    await settle(RETRY_MS * 3);
    expect(t.server.requests).toHaveLength(1);
    t.server.failWith = () => null;
    t.goOnline();
    await settle();
    expect(t.server.stored()).toEqual({ q1: 'a' });
  });

  it('loses nothing when a whole request fails: every answer stays queued and stored until a later one succeeds', async () => {
    const t = setup();
    t.queue.start();
    t.goOffline();
    t.server.failWith = networkError;
    t.queue.change('q1', 'a');
    t.queue.change('q2', 'b');
    t.queue.change('q3', 'c');
    await settle();

    t.server.failWith = () => httpError(500, 'HTTP.500');
    t.goOnline();
    await settle();
    expect(t.states()).toEqual({ q1: 'queued', q2: 'queued', q3: 'queued' });
    expect((t.storage as MemoryStorage).kept()).toEqual({ q1: 'a', q2: 'b', q3: 'c' });

    t.server.failWith = () => null;
    await settle(RETRY_MS);
    expect(t.server.stored()).toEqual({ q1: 'a', q2: 'b', q3: 'c' });
    expect(t.state().unsent).toBe(0);
  });

  it('when a request is refused for one invalid answer, saves the others and marks only that one', async () => {
    const t = setup();
    t.queue.start();
    t.goOffline();
    t.server.failWith = networkError;
    t.queue.change('q1', 'a');
    t.queue.change('q2', 'not an option');
    t.queue.change('q3', 'c');
    await settle();

    t.server.failWith = (answers) =>
      answers.some((a) => a.response === 'not an option')
        ? httpError(400, ErrorCode.ASSESSMENT_INVALID_RESPONSE, 'Jawaban tidak valid: q2')
        : null;
    t.goOnline();
    await settle();
    expect(t.server.stored()).toEqual({ q1: 'a', q3: 'c' });
    expect(t.state().status.q2).toEqual({ state: 'error', savedAt: null, error: 'Jawaban tidak valid: q2' });
    expect(t.states()).toMatchObject({ q1: 'saved', q3: 'saved' });
    expect(t.state().unsent).toBe(0);
    expect((t.storage as MemoryStorage).kept()).toEqual({});
  });

  it('shows an answer the server refuses as an error with its message and does not send it again', async () => {
    const t = setup();
    t.queue.start();
    t.server.failWith = () => httpError(400, ErrorCode.ASSESSMENT_INVALID_RESPONSE, 'Jawaban tidak valid');
    t.queue.change('q1', 'bad');
    await settle();
    expect(t.state().status.q1).toEqual({ state: 'error', savedAt: null, error: 'Jawaban tidak valid' });
    expect(t.state().unsent).toBe(0);
    expect((t.storage as MemoryStorage).kept()).toEqual({});
    await settle(RETRY_MS * 2);
    t.goOnline();
    await settle();
    expect(t.server.requests).toHaveLength(1);
  });

  it('keeps the answers through an expired session, to send once the learner is signed in again', async () => {
    const t = setup();
    t.queue.start();
    t.server.failWith = () => httpError(401, ErrorCode.AUTH_UNAUTHENTICATED);
    t.queue.change('q1', 'a');
    await settle();
    expect(t.states().q1).toBe('queued');
    expect((t.storage as MemoryStorage).kept()).toEqual({ q1: 'a' });
    t.server.failWith = () => null;
    await settle(RETRY_MS);
    expect(t.server.stored()).toEqual({ q1: 'a' });
  });

  it.each([
    ErrorCode.ASSESSMENT_ATTEMPT_CLOSED,
    ErrorCode.ASSESSMENT_DEADLINE_PASSED,
    ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND,
  ])(
    'stops for good on %s: tells the page once, sends nothing more and keeps the answers on the device',
    async (code) => {
      const t = setup();
      t.queue.start();
      const closed = httpError(code === ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND ? 404 : 409, code);
      t.server.failWith = () => closed;
      t.queue.change('q1', 'a');
      await settle();
      expect(t.onFinal).toHaveBeenCalledTimes(1);
      expect(t.onFinal).toHaveBeenCalledWith(closed);
      expect(t.states().q1).toBe('queued');

      t.queue.change('q2', 'b');
      t.goOnline();
      await expect(t.queue.flush()).resolves.toBe(false);
      await settle(RETRY_MS * 2);
      expect(t.server.requests).toHaveLength(1);
      expect(t.state().responses).toEqual({ q1: 'a' });
      expect((t.storage as MemoryStorage).kept()).toEqual({ q1: 'a' });
    },
  );
});

describe('AnswerQueue: leaving the page and storage', () => {
  it('stop() sends what waits for its typing pause at once, then stops listening and retrying', async () => {
    const t = setup();
    t.queue.start();
    t.queue.change('q1', 'half typed', 800);
    t.server.failWith = networkError;
    t.queue.stop();
    await settle();
    expect(t.server.requests).toEqual([{ kind: 'many', answers: [{ questionId: 'q1', response: 'half typed' }] }]);
    expect((t.storage as MemoryStorage).kept()).toEqual({ q1: 'half typed' });

    t.server.failWith = () => null;
    t.goOnline();
    await settle(RETRY_MS * 2);
    expect(t.server.requests).toHaveLength(1);
  });

  it('still saves online when storage is unavailable or full', async () => {
    const full: AnswerStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    for (const storage of [null, full]) {
      const t = setup({ storage });
      t.queue.start();
      t.queue.change('q1', 'a');
      await settle();
      expect(t.server.stored()).toEqual({ q1: 'a' });
      expect(t.states().q1).toBe('saved');
    }
  });

  it('ignores a stored value it cannot read', async () => {
    for (const raw of ['{not json', '["q1"]', 'null']) {
      const storage = new MemoryStorage();
      storage.setItem(pendingStorageKey(ATTEMPT), raw);
      const t = setup({ storage });
      expect(t.state()).toMatchObject({ responses: {}, unsent: 0 });
      t.queue.start();
      await settle();
      expect(t.server.requests).toEqual([]);
    }
  });

  it('clearPending forgets the attempt\u2019s answers on the device, and only that attempt\u2019s', () => {
    const storage = new MemoryStorage();
    storage.setItem(pendingStorageKey(ATTEMPT), JSON.stringify({ q1: { response: 'a', seq: 1 } }));
    storage.setItem(pendingStorageKey('other'), JSON.stringify({ q9: { response: 'z', seq: 1 } }));
    clearPending(ATTEMPT, storage);
    expect([...storage.items.keys()]).toEqual([pendingStorageKey('other')]);
  });

  it('tells subscribers about every change and stops after they unsubscribe', async () => {
    const t = setup();
    const listener = jest.fn();
    const unsubscribe = t.queue.subscribe(listener);
    t.queue.change('q1', 'a');
    expect(listener).toHaveBeenCalled();
    const calls = listener.mock.calls.length;
    unsubscribe();
    await settle();
    expect(listener).toHaveBeenCalledTimes(calls);
    expect(t.states().q1).toBe('saved');
  });
});
