import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AttemptView } from '@kompeten/shared-contracts';
import type { ApiError } from '../../shared/api';
import { AnswerQueue } from './answer-queue';
import { saveAnswer, saveAnswers } from './api';
import { browserStorage } from './pending-answers';

/** The attempt's answer queue (answer-queue.ts) on this page: localStorage, the window's connection events, the API. */
export function useAnswerQueue(attempt: AttemptView, onFinal: (error: ApiError) => void) {
  const finalRef = useRef(onFinal);
  useEffect(() => {
    finalRef.current = onFinal;
  }, [onFinal]);
  const [queue] = useState(
    () =>
      new AnswerQueue(attempt, {
        transport: { saveAnswer, saveAnswers },
        storage: browserStorage(),
        events: window,
        isOnline: () => navigator.onLine,
        onFinal: (error) => finalRef.current(error),
      }),
  );
  const state = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  useEffect(() => {
    queue.start();
    return () => queue.stop();
  }, [queue]);
  return { ...state, change: queue.change, flush: queue.flush };
}
