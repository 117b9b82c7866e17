import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { COMPETENCY_KINDS, COURSE_LEVELS, LEARNING_METHODS, type CourseSummary } from '@kompeten/shared-contracts';
import { CourseCover } from '../../courses/components/CourseCover';
import { optionsOf, useCourseLabels } from '../../courses/labels';
import { CATALOG_FILTERS, catalogParamsOf, useCatalog } from '../queries';
import { PageHeader } from '../../../shared/components/PageHeader';
import { richTextToPlain } from '../../../shared/rich-text/display';
import classes from './CatalogPage.module.css';

const ALL = 'all';

function CourseCard({ course }: { course: CourseSummary }) {
  const { t } = useTranslation('catalog');
  const label = useCourseLabels();
  return (
    <Card component="article" aria-labelledby={`course-${course.id}`} padding="md" h="100%">
      {course.coverFileId && (
        <Card.Section mb="sm">
          <CourseCover fileId={course.coverFileId} height={140} />
        </Card.Section>
      )}
      <Stack gap="xs" style={{ flexGrow: 1 }}>
        <Group gap={6} wrap="wrap">
          <Badge variant="filled">{t('jp', { jp: course.jp })}</Badge>
          <Badge variant="light" color="indigo">
            {label.learningMethod(course.learningMethod)}
          </Badge>
          <Badge variant="light" color="gray">
            {label.level(course.level)}
          </Badge>
        </Group>
        <Title order={2} size="h3" id={`course-${course.id}`} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/katalog/${course.id}`} inherit c="inherit">
            {course.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {course.agencyName}
        </Text>
        <Text size="sm" lineClamp={3} style={{ flexGrow: 1 }}>
          {richTextToPlain(course.description)}
        </Text>
        <Text size="xs" c="dimmed">
          {label.competencyKind(course.competencyKind)}
        </Text>
      </Stack>
    </Card>
  );
}

/** /katalog — published courses the learner may see, searched with Indonesian stemming on the server. */
export function CatalogPage() {
  const { t } = useTranslation('catalog');
  const { t: tc } = useTranslation();
  const label = useCourseLabels();
  useDocumentTitle(t('title'));
  const { values, page, update } = useSearchParamState(CATALOG_FILTERS);
  const params = catalogParamsOf(values, page);
  const { competencyKind, learningMethod, level, jpMin, jpMax } = params;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const query = useCatalog(params);
  const items = query.data?.items ?? [];
  const activeFilters = [competencyKind, learningMethod, level, jpMin, jpMax].filter((v) => v !== undefined).length;
  const filtered = !!values.q || activeFilters > 0;

  const all = { value: ALL, label: tc('all') };
  const choices = [
    { field: 'competencyKind', value: competencyKind, options: optionsOf(COMPETENCY_KINDS, label.competencyKind) },
    { field: 'learningMethod', value: learningMethod, options: optionsOf(LEARNING_METHODS, label.learningMethod) },
    { field: 'level', value: level, options: optionsOf(COURSE_LEVELS, label.level) },
  ] as const;
  // On a phone the filters fold away behind a "Filter" toggle (open when one is set), so the courses come first. The
  // fold is CSS (a media query), not a width read by script: the page is rendered on the server too (decision 0041),
  // where there is no screen, and its first render in the browser must be the same.
  const filtersShown = filtersOpen || activeFilters > 0;
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} intro={t('intro')} />

      <Stack gap="sm" role="search" aria-label={t('filters')}>
        <SearchInput
          value={values.q}
          onSearch={(q) => update({ q })}
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <Button
          variant="default"
          size="sm"
          hiddenFrom="sm"
          onClick={() => setFiltersOpen((o) => !o)}
          aria-expanded={filtersShown}
          aria-controls="catalog-filters"
          style={{ alignSelf: 'flex-start' }}
        >
          {filtersShown
            ? t('hideFilters')
            : activeFilters > 0
              ? t('showFiltersCount', { count: activeFilters })
              : t('showFilters')}
        </Button>
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 5 }}
          spacing="sm"
          id="catalog-filters"
          className={filtersShown ? undefined : classes.folded}
        >
          <>
            {/* The phone's own pickers and plain inputs: light to load and to take over after a server render
                (decision 0041), and the native picker is the familiar one on a phone. */}
            {choices.map(({ field, value, options }) => (
              <NativeSelect
                key={field}
                label={t(field)}
                data={[all, ...options]}
                value={value ?? ALL}
                onChange={(event) => {
                  const v = event.currentTarget.value;
                  update({ [field]: v === ALL ? null : v });
                }}
              />
            ))}
            {(['jpMin', 'jpMax'] as const).map((field) => (
              <TextInput
                key={field}
                label={t(field)}
                inputMode="numeric"
                autoComplete="off"
                value={values[field]}
                onChange={(event) => {
                  // Whole numbers only, as the catalog's JP filter takes them.
                  const digits = event.currentTarget.value.replace(/\D/g, '').slice(0, 3);
                  update({ [field]: digits === '' ? null : digits });
                }}
              />
            ))}
          </>
        </SimpleGrid>
      </Stack>

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <LoadingBlock />}
      {query.isSuccess && items.length === 0 && (
        <Card>
          <Text size="sm" c="dimmed" ta="center" role="status">
            {filtered ? t('noResults') : t('empty')}
          </Text>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" aria-busy={query.isFetching || undefined}>
        {items.map((course) => (
          <CourseCard key={course.id} course={course} />
        ))}
      </SimpleGrid>
      {query.data && (
        <PaginationBar
          page={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          onChange={(p) => update({ page: p })}
        />
      )}
    </Stack>
  );
}
