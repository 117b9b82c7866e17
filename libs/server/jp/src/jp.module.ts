import { Module } from '@nestjs/common';
import { JpReportsModule } from './reports/jp-reports.module';

/**
 * The JP domain (issue 16): the learning-hours ledger, recognition rules, external-learning claims, compliance reports
 * and the IP ASN competency estimate. It consumes other domains' outbox events and reads them only through their
 * exported readers and published views (docs/architecture.md).
 */
@Module({
  imports: [JpReportsModule],
})
export class JpModule {}
