import { Module } from '@nestjs/common';
import { LearningCoreModule } from '@kompeten/server-learning';
import { OrganisationModule } from '@kompeten/server-organisation';
import { SiasnAdminController } from './admin/siasn-admin.controller';
import { SiasnAdminService } from './admin/siasn-admin.service';
import { SiasnPushCertificateJob, SiasnReconcileDailyJob, SiasnSweepJob } from './jobs/siasn.jobs';
import { CertificatePush } from './platform/certificate-push';
import { SiasnConnections } from './platform/siasn-connections';
import { SiasnPushes } from './platform/siasn-pushes';
import { SiasnReconciliation } from './reconciliation/reconciliation';

const CORE = [SiasnConnections, SiasnPushes, CertificatePush, SiasnReconciliation];

/** Delivering to SIASN without HTTP: what the worker's jobs and the admin API share. */
@Module({
  imports: [LearningCoreModule],
  providers: CORE,
  exports: CORE,
})
export class SiasnCoreModule {}

/** The SIASN jobs, for the worker (DOMAIN_JOB_MODULES). */
@Module({
  imports: [SiasnCoreModule],
  providers: [SiasnPushCertificateJob, SiasnSweepJob, SiasnReconcileDailyJob],
  exports: [SiasnPushCertificateJob, SiasnSweepJob, SiasnReconcileDailyJob],
})
export class SiasnJobsModule {}

/** The SIASN admin API (issue 17): pushes, resend, credentials, reconciliation, official IP ASN. */
@Module({
  imports: [OrganisationModule, SiasnCoreModule],
  controllers: [SiasnAdminController],
  providers: [SiasnAdminService],
})
export class SiasnModule {}
