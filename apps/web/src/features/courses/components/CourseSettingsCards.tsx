import { useMemo, useState } from 'react';
import { ActionIcon, Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { notify } from '../../../shared/notify';
import { useCatalog } from '../../catalog/queries';
import type { Course } from '../api';
import { prerequisiteOptions, selectionChanged } from '../prerequisites';
import { useCourseAuthors, useCourses, useUpdateCourse } from '../queries';
import { CourseCover } from './CourseCover';
import { CourseInvitationsPanel } from './CourseInvitationsPanel';
import { EmployeePicker, type PickedEmployee } from './EmployeePicker';
import { FileUploadField } from './FileUploadField';

/** Authors: the owner and co-authors; the owner or an admin adds and removes co-authors. */
export function CourseAuthorsCard({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const mutations = useCourseAuthors(course.id);
  const [picked, setPicked] = useState<PickedEmployee[]>([]);
  const authors = course.authors ?? [];
  const canManage = course.can.manageAuthors;
  const error = mutations.add.error ?? mutations.remove.error;

  const add = async () => {
    if (picked.length === 0) return;
    try {
      for (const person of picked) await mutations.add.mutateAsync(person.value);
      notify({ color: 'kompeten', message: t('coAuthors.added', { count: picked.length }) });
      setPicked([]);
    } catch {
      // Shown below.
    }
  };

  const remove = async (employeeId: string, name: string) => {
    try {
      await mutations.remove.mutateAsync(employeeId);
      notify({ color: 'kompeten', message: t('coAuthors.removed', { name }) });
    } catch {
      // Shown below.
    }
  };

  return (
    <Card component="section" aria-labelledby="course-authors-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="course-authors-heading">
          {t('authors')}
        </Title>
        {authors.length > 0 ? (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {authors.map((author) => (
              <Group component="li" key={author.employeeId} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
                  {author.name}{' '}
                  <Text span size="xs" c="dimmed">
                    ({author.role === 'owner' ? t('authorOwner') : t('authorCo')})
                  </Text>
                </Text>
                {canManage && author.role !== 'owner' && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('coAuthors.remove', { name: author.name })}
                    loading={mutations.remove.isPending && mutations.remove.variables === author.employeeId}
                    onClick={() => void remove(author.employeeId, author.name)}
                  >
                    <span aria-hidden>×</span>
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('noAuthors')}
          </Text>
        )}
        {canManage && (
          <Stack gap="xs" component="form" onSubmit={(event) => (event.preventDefault(), void add())}>
            <EmployeePicker
              label={t('coAuthors.add')}
              description={t('coAuthors.addHint')}
              value={picked}
              onChange={setPicked}
              exclude={authors.map((a) => a.employeeId)}
            />
            <Group>
              <Button type="submit" size="xs" loading={mutations.add.isPending} disabled={picked.length === 0}>
                {t('coAuthors.submit')}
              </Button>
            </Group>
          </Stack>
        )}
        {error && <ErrorAlert error={error} />}
        {canManage && (
          <Stack gap={4} pt="xs">
            <Title order={3} size="h5">
              {t('authorInvitations.panelTitle')}
            </Title>
            <CourseInvitationsPanel courseId={course.id} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Cover image: upload (purpose cover), then PATCH coverFileId; remove sets it to null. */
export function CourseCoverCard({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const mutation = useUpdateCourse(course.id);
  const current = course.coverFileId ? course.files?.find((f) => f.id === course.coverFileId) : undefined;

  const setCover = async (coverFileId: string | null) => {
    try {
      await mutation.mutateAsync({ coverFileId });
      notify({ color: 'kompeten', message: coverFileId ? t('cover.saved') : t('cover.removed') });
    } catch {
      // Shown below.
    }
  };

  return (
    <Card component="section" aria-labelledby="course-cover-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="course-cover-heading">
          {t('cover.title')}
        </Title>
        {course.coverFileId ? (
          <CourseCover
            fileId={course.coverFileId}
            height={160}
            radius="sm"
            alt={t('cover.alt', { title: course.title })}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('cover.none')}
          </Text>
        )}
        {course.can.edit && (
          <>
            <FileUploadField
              courseId={course.id}
              purpose="cover"
              accept="image/jpeg,image/png,image/webp"
              label={t('cover.upload')}
              current={course.coverFileId ? { id: course.coverFileId, name: current?.fileName } : null}
              onUploaded={(file) => void setCover(file.id)}
            />
            {course.coverFileId && (
              <Group>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => void setCover(null)}
                  loading={mutation.isPending}
                >
                  {t('cover.remove')}
                </Button>
              </Group>
            )}
          </>
        )}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
      </Stack>
    </Card>
  );
}

/** Prerequisites: other published courses (from the catalog) that must be completed first. */
export function CoursePrerequisitesCard({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const mutation = useUpdateCourse(course.id);
  // The catalog (what the author may see) plus the published courses the author manages (admins without an ASN profile).
  const catalog = useCatalog({ pageSize: 100 });
  const managed = useCourses({ status: 'published', pageSize: 100 });
  const saved = useMemo(() => course.prerequisiteCourseIds ?? [], [course.prerequisiteCourseIds]);
  const [value, setValue] = useState<string[]>(saved);
  const data = useMemo(
    () =>
      prerequisiteOptions(
        [...(managed.data?.items ?? []), ...(catalog.data?.items ?? [])],
        course.id,
        saved,
        t('prerequisites.unknown'),
      ),
    [catalog.data, managed.data, course.id, saved, t],
  );
  const dirty = selectionChanged(value, saved);

  const save = async () => {
    try {
      await mutation.mutateAsync({ prerequisiteCourseIds: value });
      notify({ color: 'kompeten', message: t('saved') });
    } catch {
      // Shown below.
    }
  };

  return (
    <Card component="section" aria-labelledby="course-prereq-heading">
      <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), void save())}>
        <Title order={2} size="h3" id="course-prereq-heading">
          {t('prerequisites.title')}
        </Title>
        <MultiSelect
          label={t('prerequisites.label')}
          description={t('prerequisites.hint')}
          data={data}
          value={value}
          onChange={setValue}
          searchable
          clearable
          hidePickedOptions
          disabled={!course.can.edit || (catalog.isPending && managed.isPending)}
          nothingFoundMessage={t('people.nothingFound')}
        />
        {course.can.edit && (
          <Group>
            <Button type="submit" size="xs" loading={mutation.isPending} disabled={!dirty}>
              {t('save')}
            </Button>
          </Group>
        )}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
      </Stack>
    </Card>
  );
}
