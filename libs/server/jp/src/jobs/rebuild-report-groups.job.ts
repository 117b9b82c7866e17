import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { localDateOf } from '@kompeten/shared-util';
import { builtYears, rebuildReportGroups } from '../reports/report-groups-store';

/**
 * The years whose report aggregate the job keeps fresh: this year and the last in every Indonesian zone (on New
 * Year's Eve WIT is already in the next year while WIB is not), and every year built before.
 */
export function yearsToRebuild(now: Date, built: readonly number[]): number[] {
  const years = new Set(built);
  for (const zone of ['Asia/Jakarta', 'Asia/Jayapura'] as const) {
    const y = Number(localDateOf(now, zone).slice(0, 4));
    years.add(y).add(y - 1);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Every minute (decision 0033): rebuilds the province-level JP report aggregate of the current years, so province and
 * all-agencies summaries are at most about a minute behind the ledger and identity's changes (they say `asOf`).
 * Idempotent: a rebuild writes whatever the data says now; a failed run is simply followed by the next.
 */
@Injectable()
@JobHandlerProvider()
export class RebuildReportGroupsJob implements JobHandler<typeof JobName.JpRebuildReportGroups> {
  readonly jobName = JobName.JpRebuildReportGroups;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs = 60_000;
  private readonly logger = new Logger(RebuildReportGroupsJob.name);

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async handle(_data: JobOf<typeof JobName.JpRebuildReportGroups>): Promise<JobResult> {
    for (const year of yearsToRebuild(new Date(), await builtYears(this.db.manager))) {
      const b = await rebuildReportGroups(this.db.manager, year);
      this.logger.log(
        { jobName: this.jobName, year, asn: b.asn, groups: b.groups, durationMs: b.durationMs },
        'JP report aggregate rebuilt',
      );
    }
    return 'success';
  }
}
