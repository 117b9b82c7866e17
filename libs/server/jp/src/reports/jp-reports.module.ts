import { Module } from '@nestjs/common';
import { OrganisationModule } from '@kompeten/server-organisation';
import { IpAsnController } from '../ip-asn/ip-asn.controller';
import { IpAsnService } from '../ip-asn/ip-asn.service';
import { ComplianceExportService } from './compliance-export.service';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';

/** JP compliance reports, exports, the consistency check and the IP ASN estimate (decision 0023). */
@Module({
  imports: [OrganisationModule],
  controllers: [ComplianceController, IpAsnController],
  providers: [ComplianceService, ComplianceExportService, IpAsnService],
  exports: [ComplianceService, IpAsnService],
})
export class JpReportsModule {}
