import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Page } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAttention } from '../../../shared/attention';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatDateTime, formatNumber } from '../../../shared/format';

function Section<T>({
  id,
  title,
  page,
  children,
  footer,
}: {
  id: string;
  title: string;
  page: Page<T>;
  children: (item: T) => ReactNode;
  footer?: ReactNode;
}) {
  const { t, i18n } = useTranslation('dashboard');
  return (
    <Card component="section" aria-labelledby={id} withBorder>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Badge color={page.total > 0 ? 'red' : 'gray'} variant="light" data-testid={`${id}-count`}>
          {formatNumber(page.total, i18n.language)}
        </Badge>
      </Group>
      {page.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attention.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {page.items.map((item, i) => (
            <li key={i}>{children(item)}</li>
          ))}
        </Stack>
      )}
      {page.total > page.items.length && (
        <Text size="sm" c="dimmed" mt={6}>
          {t('attention.more', { count: page.total - page.items.length })}
        </Text>
      )}
      {footer}
    </Card>
  );
}

/** Courses awaiting review, imports that failed, overdue assignments: what an admin should look at today. */
export function AttentionPanel() {
  const { t, i18n } = useTranslation('dashboard');
  const { me } = useAuth();
  const query = useAttention(me);
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="attention-heading">
      <Title order={2} size="h3" id="attention-heading">
        {t('attention.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Section
          id="attention-reviews"
          title={t('attention.reviews')}
          page={a.reviews}
          footer={
            a.reviews.total > 0 && (
              <Anchor component={Link} to="/review" size="sm" mt={6} display="block">
                {t('attention.openQueue')}
              </Anchor>
            )
          }
        >
          {(c) => (
            <Anchor component={Link} to={`/review/${c.id}`} size="sm">
              {c.title}
            </Anchor>
          )}
        </Section>
        <Section id="attention-imports" title={t('attention.failedImports')} page={a.failedImports}>
          {(i) => (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/admin/impor?agencyId=${i.agencyId}&importId=${i.id}`} size="sm">
                {i.fileName}
              </Anchor>{' '}
              ·{' '}
              {i.status === 'failed'
                ? t('attention.importFailed')
                : t('attention.failedRows', { count: i.failedCount })}
            </Text>
          )}
        </Section>
        <Section id="attention-overdue" title={t('attention.overdue')} page={a.overdue}>
          {(o) => (
            <Text size="sm">
              {o.learnerName} — {o.courseTitle} ·{' '}
              {t('attention.due', { date: formatDateTime(o.dueAt, timeZone, i18n.language) })}
            </Text>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
