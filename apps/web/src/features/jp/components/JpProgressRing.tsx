import { Badge, Group, RingProgress, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { JpYearSummary } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import { WARNING_TEXT } from '../../courses/colors';

/** Colour of a standing: reached, running, and after the year (PPPK below the reference is neutral, never red). */
const STANDING_COLOR = {
  met: 'kompeten',
  in_progress: 'blue',
  below_target: 'orange',
  below_reference: 'gray',
} as const;

/**
 * A year's JP against the target in a ring, with the standing and what is still missing. PPPK see the ceiling of 24
 * and are never labelled below target (DOMAIN.md §3).
 */
export function JpProgressRing({ summary, size = 140 }: { summary: JpYearSummary; size?: number }) {
  const { t, i18n } = useTranslation('jp');
  const n = (v: number) => formatNumber(v, i18n.language);
  const percent = Math.min(100, Math.round((summary.totalJp / summary.targetJp) * 100));
  const color = STANDING_COLOR[summary.standing];
  return (
    <Group gap="lg" wrap="wrap" align="center">
      <RingProgress
        size={size}
        thickness={Math.round(size / 10)}
        roundCaps
        sections={[{ value: percent, color: color === 'gray' ? 'kompeten' : color }]}
        label={
          <Text ta="center" fw={700} size="lg">
            {n(summary.totalJp)}
          </Text>
        }
        aria-hidden
      />
      <Stack gap={4}>
        <Text size="xl" fw={700} data-testid="jp-progress">
          {t('ring', { total: n(summary.totalJp), target: summary.targetJp })}
        </Text>
        <VisuallyHidden>
          {t('ringLabel', { year: summary.year, total: n(summary.totalJp), target: summary.targetJp })}
        </VisuallyHidden>
        <Badge
          size="lg"
          variant="light"
          color={color}
          c={color === 'orange' ? WARNING_TEXT : undefined}
          data-testid="jp-standing"
        >
          {t(`standing.${summary.standing}`)}
        </Badge>
        <Text size="sm">
          {summary.remainingJp > 0
            ? t('remaining', { jp: n(summary.remainingJp), target: summary.targetJp })
            : t('reached', { target: summary.targetJp })}
        </Text>
        {summary.ceilingJp !== null && (
          <Text size="sm" c="dimmed">
            {summary.totalJp > summary.ceilingJp
              ? t('overCeiling', { ceiling: summary.ceilingJp })
              : t('ceiling', { ceiling: summary.ceilingJp })}{' '}
            {t('pppkNote')}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
