import { useLayoutEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import type { OutlineInput } from '../api';
import { moveLesson, moveModule, outlineOf, outlineSignature, type Direction } from '../outline';
import { type CourseLesson, type CourseModule } from '@kompeten/shared-contracts';
import { useCourseLabels } from '../labels';
import { useCourse, useLessonMutations, useModuleMutations, useSaveOutline } from '../queries';
import { AttendanceModal } from './AttendanceModal';
import { ConfirmModal } from './ConfirmModal';
import { LessonEditorModal, type LessonEditorTarget } from './LessonEditorModal';
import { ModuleTitleModal } from './ModuleTitleModal';
import classes from './CourseContentPage.module.css';
import { moduleHeading } from '../module-title';

/** /kursus/:courseId/konten — modules and lessons: add, edit, delete and reorder (up/down buttons, keyboard friendly). */
export function CourseContentPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t } = useTranslation('courses');
  const label = useCourseLabels();
  const course = useCourse(courseId);
  const moduleMutations = useModuleMutations(courseId);
  const lessonMutations = useLessonMutations(courseId);
  const saveOutline = useSaveOutline(courseId);
  useDocumentTitle(course.data ? `${course.data.title} · ${t('sections.content')}` : t('sections.content'));

  const [newModuleTitle, setNewModuleTitle] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [editor, setEditor] = useState<LessonEditorTarget | null>(null);
  const [renaming, setRenaming] = useState<CourseModule | null>(null);
  const [attendance, setAttendance] = useState<CourseLesson | null>(null);
  const [deleting, setDeleting] = useState<
    { kind: 'module'; item: CourseModule } | { kind: 'lesson'; item: CourseLesson } | null
  >(null);

  // Keyboard users keep their place: after a move, focus follows the moved item's button.
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<{ signature: string; key: string; fallback: string } | null>(null);
  const modules = course.data?.modules ?? [];
  const currentSignature = outlineSignature(outlineOf(modules));
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.signature !== currentSignature) return;
    pendingFocus.current = null;
    const el = buttons.current.get(pending.key);
    (el && !el.disabled ? el : buttons.current.get(pending.fallback))?.focus();
  }, [currentSignature]);

  const refFor = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  if (!course.data) return null;
  const editable = course.data.can.edit;
  const outline = outlineOf(modules);
  const lessonTotal = modules.reduce((n, m) => n + m.lessons.length, 0);

  const commit = (next: OutlineInput, focusKey: string, fallbackKey: string, message: string) => {
    pendingFocus.current = { signature: outlineSignature(next), key: focusKey, fallback: fallbackKey };
    setAnnouncement(message);
    saveOutline.mutate(next);
  };

  const onMoveModule = (module: CourseModule, index: number, dir: Direction) => {
    const next = moveModule(outline, index, dir);
    const to = dir === 'up' ? index - 1 : index + 1;
    const other: Direction = dir === 'up' ? 'down' : 'up';
    commit(
      next,
      `m:${module.id}:${dir}`,
      `m:${module.id}:${other}`,
      t('moduleMoved', { title: module.title, position: to + 1, total: modules.length }),
    );
  };

  const onMoveLesson = (lesson: CourseLesson, mi: number, li: number, dir: Direction) => {
    const moved = moveLesson(outline, mi, li, dir);
    if (!moved) return;
    const other: Direction = dir === 'up' ? 'down' : 'up';
    const module = modules[moved.moduleIndex];
    commit(
      moved.outline,
      `l:${lesson.id}:${dir}`,
      `l:${lesson.id}:${other}`,
      t('lessonMoved', { title: lesson.title, position: moved.lessonIndex + 1, module: module.title }),
    );
  };

  const addModule = async () => {
    const title = newModuleTitle.trim();
    if (!title) return;
    try {
      await moduleMutations.create.mutateAsync(title);
      setNewModuleTitle('');
      setAnnouncement(t('moduleAdded', { title }));
    } catch {
      // Shown below.
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      if (deleting.kind === 'module') await moduleMutations.remove.mutateAsync(deleting.item.id);
      else await lessonMutations.remove.mutateAsync(deleting.item.id);
      setAnnouncement(t('deleted', { title: deleting.item.title }));
      setDeleting(null);
    } catch {
      // Shown in the dialog.
    }
  };

  const firstLesson = (mi: number, li: number) => mi === 0 && li === 0;
  const lastLesson = (mi: number, li: number) => mi === modules.length - 1 && li === modules[mi].lessons.length - 1;

  return (
    <Stack gap="md" component="section" aria-labelledby="course-content-heading">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} id="course-content-heading">
          {t('sections.content')}
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {saveOutline.isPending
            ? t('orderSaving')
            : saveOutline.isSuccess
              ? t('orderSaved')
              : t('outlineCount', { modules: modules.length, lessons: lessonTotal })}
        </Text>
      </Group>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {saveOutline.isError && <ErrorAlert error={saveOutline.error} title={t('orderFailed')} />}
      {moduleMutations.create.isError && <ErrorAlert error={moduleMutations.create.error} />}

      {modules.length === 0 && (
        <Card>
          <Text size="sm" c="dimmed">
            {t('noModules')}
          </Text>
        </Card>
      )}

      {modules.map((module, mi) => (
        <Card key={module.id} component="section" aria-labelledby={`module-${module.id}`} padding="md">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Title order={3} id={`module-${module.id}`} style={{ overflowWrap: 'anywhere', flex: '1 1 200px' }}>
                {moduleHeading(module.title, t('moduleNumber', { n: mi + 1 }))}
              </Title>
              {editable && (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    ref={refFor(`m:${module.id}:up`)}
                    variant="default"
                    aria-label={t('moveModuleUp', { title: module.title })}
                    disabled={mi === 0}
                    onClick={() => onMoveModule(module, mi, 'up')}
                  >
                    <span aria-hidden>↑</span>
                  </ActionIcon>
                  <ActionIcon
                    ref={refFor(`m:${module.id}:down`)}
                    variant="default"
                    aria-label={t('moveModuleDown', { title: module.title })}
                    disabled={mi === modules.length - 1}
                    onClick={() => onMoveModule(module, mi, 'down')}
                  >
                    <span aria-hidden>↓</span>
                  </ActionIcon>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setRenaming(module)}
                    aria-label={t('renameModuleNamed', { title: module.title })}
                  >
                    {t('rename')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setDeleting({ kind: 'module', item: module })}
                    aria-label={t('deleteNamed', { title: module.title })}
                  >
                    {t('delete')}
                  </Button>
                </Group>
              )}
            </Group>

            {module.lessons.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('noLessons')}
              </Text>
            ) : (
              <ol className={classes.lessons}>
                {module.lessons.map((lesson, li) => (
                  <li key={lesson.id} className={classes.lesson}>
                    <Box miw={0} style={{ flex: '1 1 220px' }}>
                      <Group gap={6} wrap="wrap">
                        <Badge variant="light" color="gray" size="sm">
                          {label.lessonKind(lesson.kind)}
                        </Badge>
                        {!lesson.required && (
                          <Badge variant="outline" color="gray" size="sm">
                            {t('optional')}
                          </Badge>
                        )}
                      </Group>
                      <Text fw={500} size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
                        {lesson.title}
                      </Text>
                    </Box>
                    {lesson.kind === 'live' &&
                      course.data?.currentVersionId &&
                      (course.data.can.edit || course.data.can.manageAuthors) && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => setAttendance(lesson)}
                          aria-label={t('attendance.openNamed', { title: lesson.title })}
                        >
                          {t('attendance.open')}
                        </Button>
                      )}
                    {editable && (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          ref={refFor(`l:${lesson.id}:up`)}
                          variant="default"
                          aria-label={t('moveLessonUp', { title: lesson.title })}
                          disabled={firstLesson(mi, li)}
                          onClick={() => onMoveLesson(lesson, mi, li, 'up')}
                        >
                          <span aria-hidden>↑</span>
                        </ActionIcon>
                        <ActionIcon
                          ref={refFor(`l:${lesson.id}:down`)}
                          variant="default"
                          aria-label={t('moveLessonDown', { title: lesson.title })}
                          disabled={lastLesson(mi, li)}
                          onClick={() => onMoveLesson(lesson, mi, li, 'down')}
                        >
                          <span aria-hidden>↓</span>
                        </ActionIcon>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEditor({ mode: 'edit', lesson })}
                          aria-label={t('editNamed', { title: lesson.title })}
                        >
                          {t('edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting({ kind: 'lesson', item: lesson })}
                          aria-label={t('deleteNamed', { title: lesson.title })}
                        >
                          {t('delete')}
                        </Button>
                      </Group>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {editable && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setEditor({ mode: 'create', moduleId: module.id })}
                  aria-label={t('addLessonTo', { title: module.title })}
                >
                  {t('addLesson')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}

      {editable && (
        <Card component="form" onSubmit={(event) => (event.preventDefault(), void addModule())} padding="md">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('newModule')}
              placeholder={t('newModulePlaceholder')}
              value={newModuleTitle}
              onChange={(event) => setNewModuleTitle(event.currentTarget.value)}
              style={{ flex: '1 1 240px' }}
              maxLength={200}
            />
            <Button type="submit" loading={moduleMutations.create.isPending} disabled={!newModuleTitle.trim()}>
              {t('addModule')}
            </Button>
          </Group>
        </Card>
      )}

      {editor && (
        <LessonEditorModal
          course={course.data}
          target={editor}
          onClose={() => setEditor(null)}
          onSaved={(title) => setAnnouncement(t('lessonSaved', { title }))}
        />
      )}
      {attendance && <AttendanceModal courseId={courseId} lesson={attendance} onClose={() => setAttendance(null)} />}
      {renaming && <ModuleTitleModal module={renaming} courseId={courseId} onClose={() => setRenaming(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleting?.kind === 'module' ? t('deleteModuleTitle') : t('deleteLessonTitle')}
        confirmLabel={t('delete')}
        color="red"
        loading={moduleMutations.remove.isPending || lessonMutations.remove.isPending}
        onConfirm={() => void confirmDelete()}
      >
        <Text size="sm">
          {deleting?.kind === 'module'
            ? t('deleteModuleConfirm', { title: deleting.item.title })
            : t('deleteLessonConfirm', { title: deleting?.item.title ?? '' })}
        </Text>
        {(moduleMutations.remove.error ?? lessonMutations.remove.error) && (
          <ErrorAlert error={moduleMutations.remove.error ?? lessonMutations.remove.error} />
        )}
      </ConfirmModal>
    </Stack>
  );
}
