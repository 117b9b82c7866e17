import { DomainError } from '@kompeten/server-core';

/**
 * What a service call ended with, for tests that compare refusals: null when it succeeded, the domain error's code
 * (`CALENDAR.CLASS_FULL`) when it was refused, or the text of any other error (so an unexpected crash shows in the
 * assertion's diff instead of passing as a refusal). With `withKind`, the code carries the error's kind in front
 * (`forbidden:CALENDAR.NOT_REGISTERED`), for tests where the HTTP status it maps to matters.
 */
export async function domainErrorOf(call: Promise<unknown>, o: { withKind?: boolean } = {}): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (e) {
    if (!(e instanceof DomainError)) return String(e);
    return o.withKind ? `${e.kind}:${e.code}` : e.code;
  }
}
