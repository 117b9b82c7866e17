/**
 * The attempt page's clock ran out and it submitted by itself: remembered for the tab (sessionStorage) so the result
 * page can say "waktu habis" however it was reached (the attempt page also redirects there as soon as the attempt reads
 * closed). The server's own `timeUp` says the same once its deadline closed the attempt.
 */
const key = (attemptId: string) => `kompeten.quiz.timeUp.${attemptId}`;

export function markTimeUp(attemptId: string): void {
  try {
    sessionStorage.setItem(key(attemptId), '1');
  } catch {
    // Storage disabled: the navigation state still carries it.
  }
}

export function wasTimeUp(attemptId: string): boolean {
  try {
    return sessionStorage.getItem(key(attemptId)) === '1';
  } catch {
    return false;
  }
}
