import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { applyAudienceAssignments } from './audience-store';

/**
 * Applies live audience assignments outside a request (decision 0025): for one ASN whose placement changed, or for
 * every live assignment (after an import, and the sweep). One idempotent statement each: the unique (course, learner)
 * pair means a job delivered twice, a sweep and a concurrent job never enrol a person twice.
 */
@Injectable()
export class AudienceApplier {
  private readonly logger = new Logger(AudienceApplier.name);

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async forEmployee(employeeId: string): Promise<number> {
    return applyAudienceAssignments(this.db.manager, { employeeId });
  }

  async all(reason: string): Promise<number> {
    const enrolled = await applyAudienceAssignments(this.db.manager, {});
    if (enrolled) this.logger.log({ reason, enrolled }, 'Live audience assignments applied');
    return enrolled;
  }
}
