/** What the result page of a finished attempt tells the learner about the attempts of its quiz. */
export interface RetryState {
  attemptsUsed: number;
  /** null: no limit. */
  attemptsLeft: number | null;
  canRetry: boolean;
}

/**
 * "Coba lagi" is offered exactly when a start would succeed: the attempt is finished, no other attempt is open, the
 * enrolment is active, the quiz window has not closed (or not yet opened) and attempts are left. Same checks, same
 * order, as AttemptService.start, so the button never leads to a refusal.
 */
export function retryState(input: {
  finished: boolean;
  otherOpen: boolean;
  enrolmentActive: boolean;
  attemptsUsed: number;
  maxAttempts: number | null;
  opensAt: string | null;
  closesAt: string | null;
  now: Date;
}): RetryState {
  const attemptsLeft = input.maxAttempts === null ? null : Math.max(0, input.maxAttempts - input.attemptsUsed);
  const windowOpen =
    (input.opensAt === null || new Date(input.opensAt) <= input.now) &&
    (input.closesAt === null || input.now < new Date(input.closesAt));
  return {
    attemptsUsed: input.attemptsUsed,
    attemptsLeft,
    canRetry:
      input.finished &&
      !input.otherOpen &&
      input.enrolmentActive &&
      windowOpen &&
      (attemptsLeft === null || attemptsLeft > 0),
  };
}

/** Closed by its deadline (the client's automatic submit at time-up or the server's sweep), not handed in early. */
export function closedByTime(a: { deadlineAt: Date | null; submittedAt: Date | null }): boolean {
  return !!a.deadlineAt && !!a.submittedAt && a.submittedAt.getTime() >= a.deadlineAt.getTime();
}
