/**
 * A failure that retrying cannot fix (the input is wrong, the rows say the work is impossible). The worker records
 * the delivery `parked` with this message and does not retry; any other error is retried by the job's policy.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
