import { useState } from 'react';
import { Alert, Button, Group, List, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { TIME_ZONE_LABEL, type AssignmentResult } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useAgencyOptions, useUnitOptions } from '../../agencies/queries';
import { useAssignCourse } from '../queries';
import { EmployeePicker, type PickedEmployee } from './EmployeePicker';

type Target = 'employees' | 'unit' | 'position';

interface AssignLearnersModalProps {
  courseId: string;
  courseTitle: string;
  opened: boolean;
  onClose: () => void;
}

/** "Tugaskan peserta": assign a published course to named ASN, a whole work unit or a position (HR officers, admins). */
export function AssignLearnersModal({ courseId, courseTitle, opened, onClose }: AssignLearnersModalProps) {
  const { t } = useTranslation('courses');
  const { me } = useAuth();
  const phone = useMediaQuery('(max-width: 36em)');
  const mutation = useAssignCourse(courseId);
  const [target, setTarget] = useState<Target>('employees');
  const [employees, setEmployees] = useState<PickedEmployee[]>([]);
  const ownAgency = me?.roles.find((r) => r.role !== 'learner')?.agencyId ?? me?.employee?.agencyId ?? null;
  const [agencyId, setAgencyId] = useState<string | null>(ownAgency);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [positionName, setPositionName] = useState('');
  const [dueDate, setDueDate] = useState('');
  const zone = TIME_ZONE_LABEL[me?.timeZone ?? 'Asia/Jakarta'];
  const [result, setResult] = useState<AssignmentResult | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const agencies = useAgencyOptions();
  const units = useUnitOptions(agencyId ?? undefined);

  const close = () => {
    mutation.reset();
    setResult(null);
    setInvalid(null);
    onClose();
  };

  const submit = async () => {
    setInvalid(null);
    // A date only: the server reads it as the end of that day in the assigner's zone, the one the hint names.
    const due = dueDate || undefined;
    let input;
    if (target === 'employees') {
      if (employees.length === 0) return setInvalid(t('assign.pickEmployees'));
      input = { employeeIds: employees.map((e) => e.value), dueDate: due };
    } else if (target === 'unit') {
      if (!unitId) return setInvalid(t('assign.pickUnit'));
      input = { unitId, dueDate: due };
    } else {
      if (!positionName.trim()) return setInvalid(t('assign.pickPosition'));
      input = { positionName: positionName.trim(), unitId: unitId ?? undefined, dueDate: due };
    }
    try {
      setResult(await mutation.mutateAsync(input));
      setEmployees([]);
    } catch {
      // Shown below.
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('assign.title')}
      fullScreen={phone}
      size="lg"
      closeButtonProps={{ 'aria-label': t('cancel') }}
      centered
    >
      <Stack gap="md" component="form" onSubmit={(event) => (event.preventDefault(), void submit())}>
        <Text size="sm">{t('assign.intro', { title: courseTitle })}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="assign-target-label">
            {t('assign.target')}
          </Text>
          <SegmentedControl
            aria-labelledby="assign-target-label"
            value={target}
            onChange={(v) => {
              setTarget(v as Target);
              setInvalid(null);
            }}
            data={[
              { value: 'employees', label: t('assign.targetEmployees') },
              { value: 'unit', label: t('assign.targetUnit') },
              { value: 'position', label: t('assign.targetPosition') },
            ]}
            fullWidth
            orientation={phone ? 'vertical' : 'horizontal'}
          />
        </Stack>
        {target === 'employees' && (
          <EmployeePicker
            label={t('assign.employees')}
            description={t('assign.employeesHint')}
            value={employees}
            onChange={setEmployees}
            error={invalid ?? undefined}
          />
        )}
        {(target === 'unit' || target === 'position') && (
          <>
            <Select
              label={t('assign.agency')}
              data={agencies.data ?? []}
              value={agencyId}
              onChange={(v) => {
                setAgencyId(v);
                setUnitId(null);
              }}
              searchable
              nothingFoundMessage={t('people.nothingFound')}
            />
            <Select
              label={target === 'unit' ? t('assign.unit') : t('assign.unitOptional')}
              description={target === 'unit' ? t('assign.unitHint') : undefined}
              data={units.data ?? []}
              value={unitId}
              onChange={setUnitId}
              searchable
              clearable
              disabled={!agencyId}
              required={target === 'unit'}
              error={target === 'unit' ? (invalid ?? undefined) : undefined}
              nothingFoundMessage={t('people.nothingFound')}
            />
          </>
        )}
        {target === 'position' && (
          <TextInput
            label={t('assign.position')}
            description={t('assign.positionHint')}
            value={positionName}
            onChange={(event) => setPositionName(event.currentTarget.value)}
            required
            maxLength={200}
            error={invalid ?? undefined}
          />
        )}
        <TextInput
          type="date"
          label={t('assign.dueDate')}
          description={t('assign.dueDateHint', { zone })}
          value={dueDate}
          onChange={(event) => setDueDate(event.currentTarget.value)}
        />
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {result && (
          <Alert color="green" variant="light" title={t('assign.resultTitle')} role="status">
            <List size="sm" spacing={2}>
              <List.Item>{t('assign.enrolled', { count: result.enrolled })}</List.Item>
              <List.Item>{t('assign.alreadyEnrolled', { count: result.alreadyEnrolled })}</List.Item>
              <List.Item>{t('assign.skipped', { count: result.skippedOutOfScope })}</List.Item>
            </List>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={mutation.isPending}>
            {result ? t('close') : t('cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('assign.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
