export * from './jp.module';
export * from './entities/jp-rule-set.entity';
export * from './entities/jp-rule.entity';
export * from './entities/jp-ledger-line.entity';
export * from './entities/jp-person-year.entity';
export * from './entities/jp-claim.entity';

import { JpLedgerLineEntity } from './entities/jp-ledger-line.entity';
import { JpPersonYearEntity } from './entities/jp-person-year.entity';
import { JpRuleEntity } from './entities/jp-rule.entity';
import { JpRuleSetEntity } from './entities/jp-rule-set.entity';
import { JpClaimEntity } from './entities/jp-claim.entity';
export const JP_ENTITIES = [JpRuleSetEntity, JpRuleEntity, JpLedgerLineEntity, JpPersonYearEntity, JpClaimEntity];
