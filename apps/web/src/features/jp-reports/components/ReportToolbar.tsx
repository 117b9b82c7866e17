import { Anchor, Breadcrumbs, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { JP_EMPLOYEE_FILTERS, type ComplianceSummary, type JpEmployeeFilter } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { isAdmin, useAuth } from '../../../shared/auth/auth-context';
import type { useReportParams } from '../report-params';
import { yearOptions } from '../report-params';

type Params = ReturnType<typeof useReportParams>;

/**
 * Year and employee-type filters, the scope switch (a supervisor who is also an HR officer or admin: their scope or
 * their team) and the breadcrumb from the caller's top node down to the one shown; each crumb opens its node.
 */
export function ReportToolbar({
  report,
  breadcrumb,
  year,
  employeeType,
}: {
  report: Params;
  breadcrumb: ComplianceSummary['breadcrumb'] | undefined;
  year: number | undefined;
  employeeType: JpEmployeeFilter | undefined;
}) {
  const { t } = useTranslation('jpReports');
  const { me } = useAuth();
  const supervisor = !!me?.roles.some((r) => r.role === 'supervisor');
  const both = supervisor && isAdmin(me);
  const crumbs = breadcrumb ?? [];
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('filters.year')}
          data={yearOptions().map((y) => ({ value: String(y), label: String(y) }))}
          value={year ? String(year) : null}
          onChange={(v) => report.update({ year: v })}
          allowDeselect={false}
          w={120}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="jp-type-label">
            {t('filters.employeeType')}
          </Text>
          <SegmentedControl
            aria-labelledby="jp-type-label"
            value={employeeType ?? 'all'}
            onChange={(v) => report.update({ type: v === 'all' ? null : v })}
            data={JP_EMPLOYEE_FILTERS.map((f) => ({ value: f, label: t(`filters.types.${f}`) }))}
          />
        </Stack>
        {both && (
          <SegmentedControl
            aria-label={t('filters.team')}
            value={report.params.team ? 'team' : 'scope'}
            onChange={(v) => report.drillTo(v === 'team' ? { team: true } : null)}
            data={[
              { value: 'scope', label: t('filters.myScope') },
              { value: 'team', label: t('filters.team') },
            ]}
          />
        )}
      </Group>
      {crumbs.length > 0 && (
        <nav aria-label={t('filters.breadcrumb')}>
          <Breadcrumbs separator="›" styles={{ root: { flexWrap: 'wrap' } }}>
            {crumbs.map((c, i) =>
              i === crumbs.length - 1 ? (
                <Text key={`${c.level}-${c.id}`} size="sm" fw={600} aria-current="page">
                  {c.name}
                </Text>
              ) : (
                <Anchor
                  key={`${c.level}-${c.id}`}
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => report.drillTo(c.drill)}
                >
                  {c.name}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
        </nav>
      )}
    </Stack>
  );
}
