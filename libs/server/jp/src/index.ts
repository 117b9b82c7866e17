export * from './jp.module';
export * from './jobs/jp-jobs.module';
export * from './jobs/credit-course-completion.job';
export * from './jobs/credit-community-session.job';
export * from './ledger/ledger-store';
export * from './ledger/jp-crediting';
export * from './ledger/course-completion-credit';
export * from './ledger/community-session-credit';
export * from './jobs/credit-class-completion.job';
export * from './ledger/class-completion-credit';
export * from './ledger/ledger.service';
export * from './rules/rule-arithmetic';
export * from './rules/rule-resolution';
export * from './rules/rules.service';
export * from './claims/claims.service';
export * from './claims/claim-readers';
export * from './learner/learner-jp.service';
export * from './entities/jp-rule-set.entity';
export * from './entities/jp-rule.entity';
export * from './entities/jp-ledger-line.entity';
export * from './entities/jp-person-year.entity';
export * from './entities/jp-claim.entity';
export * from './entities/jp-ip-asn-scheme.entity';
export * from './entities/jp-ip-asn-official-score.entity';
export * from './entities/jp-report-group.entity';
export * from './consistency/person-year-store';
export * from './reports/jp-reports.module';
export * from './reports/compliance.service';
export * from './reports/report-groups-store';
export * from './jobs/rebuild-report-groups.job';
export * from './ip-asn/ip-asn.service';

import { JpClaimEntity } from './entities/jp-claim.entity';
import { JpLedgerLineEntity } from './entities/jp-ledger-line.entity';
import { JpIpAsnOfficialScoreEntity } from './entities/jp-ip-asn-official-score.entity';
import { JpIpAsnSchemeEntity } from './entities/jp-ip-asn-scheme.entity';
import { JpPersonYearEntity } from './entities/jp-person-year.entity';
import { JpReportBuildEntity, JpReportGroupEntity } from './entities/jp-report-group.entity';
import { JpRuleEntity } from './entities/jp-rule.entity';
import { JpRuleSetEntity } from './entities/jp-rule-set.entity';
export const JP_ENTITIES = [
  JpRuleSetEntity,
  JpRuleEntity,
  JpLedgerLineEntity,
  JpPersonYearEntity,
  JpClaimEntity,
  JpIpAsnSchemeEntity,
  JpIpAsnOfficialScoreEntity,
  JpReportGroupEntity,
  JpReportBuildEntity,
];
export * from './provisioning';
