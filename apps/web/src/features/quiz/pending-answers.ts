import type { AnswerResponse } from '@kompeten/shared-contracts';

/** An answer this device has not had acknowledged yet; `seq` orders the changes so a late acknowledgement of an older one never clears a newer one. */
export interface PendingAnswer {
  response: AnswerResponse;
  seq: number;
}

export type PendingAnswers = Record<string, PendingAnswer>;

/** The part of the Web Storage API the queue uses (localStorage in the browser). */
export type AnswerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function pendingStorageKey(attemptId: string): string {
  return `kompeten.attempt.${attemptId}.pending`;
}

/** localStorage, or null where the browser refuses it (some private modes throw on access). */
export function browserStorage(): AnswerStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The answers of an attempt kept on this device; a missing, unreadable or foreign value reads as none. */
export function readPending(storage: AnswerStorage | null, attemptId: string): PendingAnswers {
  try {
    const raw = JSON.parse(storage?.getItem(pendingStorageKey(attemptId)) ?? '{}') as unknown;
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as PendingAnswers) : {};
  } catch {
    return {};
  }
}

export function writePending(storage: AnswerStorage | null, attemptId: string, pending: PendingAnswers): void {
  try {
    if (Object.keys(pending).length === 0) storage?.removeItem(pendingStorageKey(attemptId));
    else storage?.setItem(pendingStorageKey(attemptId), JSON.stringify(pending));
  } catch {
    // Storage disabled or full: answers are still sent while online.
  }
}

/** Forgets what this device kept for an attempt (after it was handed in). */
export function clearPending(attemptId: string, storage: AnswerStorage | null = browserStorage()): void {
  writePending(storage, attemptId, {});
}
