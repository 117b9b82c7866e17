import type { TFunction } from 'i18next';
import type { ComplianceChild } from '@kompeten/shared-contracts';

/** The name a child row shows: its agency or unit, or what its `direct`/`unassigned` row stands for. */
export function childLabel(t: TFunction<'jpReports'>, c: Pick<ComplianceChild, 'kind' | 'name'>): string {
  if (c.kind === 'direct') return t('kinds.direct', { name: c.name });
  if (c.kind === 'unassigned') return t('kinds.unassigned');
  return c.name;
}
