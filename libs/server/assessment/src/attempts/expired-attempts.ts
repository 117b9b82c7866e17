import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptGrader } from './attempt-grader';
import { claimExpiredAttempt, dueExpiredAttempts } from './attempt-store';

const BATCH = 200;

/** Closes and grades every open attempt whose deadline has passed (the worker runs this every 30 s). */
@Injectable()
export class ExpiredAttempts {
  private readonly logger = new Logger(ExpiredAttempts.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttemptGrader) private readonly grader: AttemptGrader,
  ) {}

  /** Each attempt in its own transaction, so one failure does not hold back the rest. Returns how many were closed and how many failed. */
  async closeAll(): Promise<{ closed: number; failed: number }> {
    let closed = 0;
    let failed = 0;
    const skip = new Set<string>();
    for (;;) {
      const due = await dueExpiredAttempts(this.db, [...skip], BATCH);
      if (due.length === 0) break;
      for (const id of due) {
        try {
          const done = await this.db.transaction(async (m) => {
            // SKIP LOCKED: an attempt being submitted or closed elsewhere right now is left to that caller.
            if (!(await claimExpiredAttempt(m, id))) return false;
            const attempt = await this.grader.lock(m, id);
            if (!attempt) return false;
            await this.grader.close(m, attempt, 'expired');
            return true;
          });
          if (done) closed++;
          else skip.add(id);
        } catch (err) {
          failed++;
          skip.add(id);
          this.logger.error({ err, attemptId: id }, 'Could not close an expired quiz attempt');
        }
      }
    }
    return { closed, failed };
  }
}
