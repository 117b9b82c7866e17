import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { LessonKind } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useCourseLabels } from '../labels';
import { moduleHeading } from '../module-title';

export interface OutlineListModule {
  id: string;
  title: string;
  lessons: Array<{ id: string; title: string; kind: LessonKind; required: boolean }>;
}

/** Read-only outline: modules with their lessons (review page, catalog course page); `lessonHref` links each lesson. */
export function OutlineList({
  modules,
  headingLevel = 3,
  lessonHref,
}: {
  modules: OutlineListModule[];
  headingLevel?: 3 | 4;
  lessonHref?: (lessonId: string) => string;
}) {
  const { t } = useTranslation('courses');
  const label = useCourseLabels();
  if (modules.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('noModules')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {modules.map((module, mi) => (
        <Stack key={module.id} gap={6}>
          <Title order={headingLevel} size="h4">
            {moduleHeading(module.title, t('moduleNumber', { n: mi + 1 }))}
          </Title>
          <Stack component="ol" gap={4} m={0} pl="lg">
            {module.lessons.map((lesson) => (
              <li key={lesson.id}>
                <Group gap={6} wrap="wrap">
                  {lessonHref ? (
                    <Anchor component={Link} to={lessonHref(lesson.id)} size="sm">
                      {lesson.title}
                    </Anchor>
                  ) : (
                    <Text size="sm">{lesson.title}</Text>
                  )}
                  <Badge size="xs" variant="light" color="gray">
                    {label.lessonKind(lesson.kind)}
                  </Badge>
                  {!lesson.required && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('optional')}
                    </Badge>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
