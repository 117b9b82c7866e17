import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AttendanceResult, CourseLesson } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useCourseLearners, useRecordAttendance } from '../queries';

interface AttendanceModalProps {
  courseId: string;
  lesson: CourseLesson;
  onClose: () => void;
}

/** Records who attended a live session, chosen from the course's active and completed learners. */
export function AttendanceModal({ courseId, lesson, onClose }: AttendanceModalProps) {
  const { t } = useTranslation('courses');
  const phone = useMediaQuery('(max-width: 36em)');
  const learners = useCourseLearners(courseId);
  const mutation = useRecordAttendance(courseId, lesson.id);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<AttendanceResult | null>(null);

  const eligible = useMemo(
    () => (learners.data ?? []).filter((r) => r.status === 'active' || r.status === 'completed'),
    [learners.data],
  );
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? eligible.filter((r) => r.name.toLowerCase().includes(needle) || r.nip.includes(needle))
    : eligible;

  const submit = async () => {
    try {
      setResult(await mutation.mutateAsync(chosen));
      setChosen([]);
    } catch {
      // Shown below.
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('attendance.title', { title: lesson.title })}
      fullScreen={phone}
      size="lg"
      closeButtonProps={{ 'aria-label': t('cancel') }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('attendance.intro')}</Text>
        {learners.isPending && <LoadingBlock />}
        {learners.isError && <ErrorAlert error={learners.error} onRetry={() => void learners.refetch()} />}
        {learners.isSuccess && eligible.length === 0 && (
          <Text size="sm" c="dimmed" role="status">
            {t('attendance.noLearners')}
          </Text>
        )}
        {eligible.length > 0 && (
          <>
            <TextInput
              label={t('attendance.search')}
              placeholder={t('people.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
            <Group justify="space-between" gap="xs">
              <Text size="sm" aria-live="polite">
                {t('attendance.selected', { count: chosen.length })}
              </Text>
              <Group gap="xs">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => setChosen([...new Set([...chosen, ...shown.map((r) => r.employeeId)])])}
                >
                  {t('attendance.selectAll')}
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => setChosen([])} disabled={chosen.length === 0}>
                  {t('attendance.clear')}
                </Button>
              </Group>
            </Group>
            <ScrollArea.Autosize mah={phone ? undefined : 320} type="auto">
              <Checkbox.Group value={chosen} onChange={setChosen} label={t('attendance.learners')}>
                <Stack gap={6} mt={6}>
                  {shown.map((row) => (
                    <Checkbox
                      key={row.employeeId}
                      value={row.employeeId}
                      label={`${row.name} · ${row.nip}`}
                      description={row.unitName ?? undefined}
                    />
                  ))}
                  {shown.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('people.nothingFound')}
                    </Text>
                  )}
                </Stack>
              </Checkbox.Group>
            </ScrollArea.Autosize>
          </>
        )}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {result && (
          <Alert color="green" variant="light" role="status">
            {t('attendance.result', { recorded: result.recorded, notEnrolled: result.notEnrolled })}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            {t('close')}
          </Button>
          <Button onClick={() => void submit()} loading={mutation.isPending} disabled={chosen.length === 0}>
            {t('attendance.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
