import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  List,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  TIME_ZONE_LABEL,
  type AssignmentResult,
  type AudiencePreview,
  type AudienceTarget,
} from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useAgencyOptions, useUnitOptions } from '../../agencies/queries';
import { previewAudience } from '../api';
import { useAssignCourse, useCreateAudienceAssignment } from '../queries';
import { AudienceAssignmentsList } from './AudienceAssignmentsList';
import { EmployeePicker, type PickedEmployee } from './EmployeePicker';

type Target = 'employees' | 'unit' | 'position';
type DueRule = 'none' | 'date' | 'days';

interface AssignLearnersModalProps {
  courseId: string;
  courseTitle: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * "Tugaskan peserta": assign a published course to named ASN (once), or live to a work unit or a position (HR officers,
 * admins): the reach is shown before confirming, and newcomers are enrolled later by the worker (decision 0025).
 */
export function AssignLearnersModal({ courseId, courseTitle, opened, onClose }: AssignLearnersModalProps) {
  const { t } = useTranslation('courses');
  const { me } = useAuth();
  const phone = useMediaQuery('(max-width: 36em)');
  const mutation = useAssignCourse(courseId);
  const live = useCreateAudienceAssignment(courseId);
  const [includeSubUnits, setIncludeSubUnits] = useState(true);
  const [mandatory, setMandatory] = useState(false);
  const [dueRule, setDueRule] = useState<DueRule>('none');
  const [dueDays, setDueDays] = useState<number | string>(30);
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [liveMessage, setLiveMessage] = useState<string | null>(null);
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
    live.reset();
    setResult(null);
    setInvalid(null);
    setPreview(null);
    setPreviewError(null);
    setLiveMessage(null);
    onClose();
  };

  /** Any change to the audience asks for a new preview before confirming. */
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPreview(null);
      setLiveMessage(null);
    };

  const audience = (): AudienceTarget | null => {
    if (target === 'unit') {
      if (!unitId) return (setInvalid(t('assign.pickUnit')), null);
      return { kind: 'unit', unitId, includeSubUnits };
    }
    if (!positionName.trim() || !agencyId) return (setInvalid(t('assign.pickPosition')), null);
    return { kind: 'position', positionName: positionName.trim(), agencyId };
  };

  const showReach = async () => {
    setInvalid(null);
    setPreviewError(null);
    const a = audience();
    if (!a) return;
    setPreviewing(true);
    try {
      setPreview(await previewAudience(courseId, a));
    } catch (error) {
      setPreviewError(error);
    } finally {
      setPreviewing(false);
    }
  };

  const confirmLive = async () => {
    const a = audience();
    if (!a) return;
    try {
      const r = await live.mutateAsync({
        audience: a,
        mandatory,
        dueDate: dueRule === 'date' && dueDate ? dueDate : undefined,
        dueDays: dueRule === 'days' && Number(dueDays) > 0 ? Number(dueDays) : undefined,
      });
      setLiveMessage(r.created ? t('assign.liveCreated', { count: r.enrolled }) : t('assign.liveExisting'));
      setPreview(null);
    } catch {
      // Shown below.
    }
  };

  const submit = async () => {
    if (target !== 'employees') return preview ? confirmLive() : showReach();
    setInvalid(null);
    // A date only: the server reads it as the end of that day in the assigner's zone, the one the hint names.
    const due = dueDate || undefined;
    let input;
    if (target === 'employees') {
      if (employees.length === 0) return setInvalid(t('assign.pickEmployees'));
      input = { employeeIds: employees.map((e) => e.value), dueDate: due };
    } else return;
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
              setPreview(null);
              setLiveMessage(null);
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
            <Text size="sm" c="dimmed">
              {t('assign.liveHint')}
            </Text>
            <Select
              label={t('assign.agency')}
              data={agencies.data ?? []}
              value={agencyId}
              onChange={changed((v: string | null) => {
                setAgencyId(v);
                setUnitId(null);
              })}
              searchable
              nothingFoundMessage={t('people.nothingFound')}
            />
          </>
        )}
        {target === 'unit' && (
          <>
            <Select
              label={t('assign.unit')}
              data={units.data ?? []}
              value={unitId}
              onChange={changed(setUnitId)}
              searchable
              clearable
              disabled={!agencyId}
              required
              error={invalid ?? undefined}
              nothingFoundMessage={t('people.nothingFound')}
            />
            <Checkbox
              label={t('assign.includeSubUnits')}
              checked={includeSubUnits}
              onChange={(event) => changed(setIncludeSubUnits)(event.currentTarget.checked)}
            />
          </>
        )}
        {target === 'position' && (
          <TextInput
            label={t('assign.position')}
            description={t('assign.positionHint')}
            value={positionName}
            onChange={(event) => changed(setPositionName)(event.currentTarget.value)}
            required
            maxLength={200}
            error={invalid ?? undefined}
          />
        )}
        {target === 'employees' ? (
          <TextInput
            type="date"
            label={t('assign.dueDate')}
            description={t('assign.dueDateHint', { zone })}
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
          />
        ) : (
          <>
            <Checkbox
              label={t('assign.mandatory')}
              checked={mandatory}
              onChange={(event) => setMandatory(event.currentTarget.checked)}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="assign-due-rule-label">
                {t('assign.dueRule')}
              </Text>
              <SegmentedControl
                aria-labelledby="assign-due-rule-label"
                value={dueRule}
                onChange={(v) => setDueRule(v as DueRule)}
                data={[
                  { value: 'none', label: t('assign.dueNone') },
                  { value: 'date', label: t('assign.dueFixed') },
                  { value: 'days', label: t('assign.dueRelative') },
                ]}
                fullWidth
                orientation={phone ? 'vertical' : 'horizontal'}
              />
            </Stack>
            {dueRule === 'date' && (
              <TextInput
                type="date"
                label={t('assign.dueDate')}
                description={t('assign.dueDateHint', { zone })}
                value={dueDate}
                onChange={(event) => setDueDate(event.currentTarget.value)}
              />
            )}
            {dueRule === 'days' && (
              <NumberInput
                label={t('assign.dueDays')}
                description={t('assign.dueDaysHint', { zone })}
                value={dueDays}
                onChange={setDueDays}
                min={1}
                max={3650}
                allowDecimal={false}
              />
            )}
          </>
        )}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {previewError !== null && <ErrorAlert error={previewError} />}
        {live.isError && <ErrorAlert error={live.error} />}
        {preview && (
          <Alert
            color="blue"
            variant="light"
            title={t('assign.previewTitle')}
            role="status"
            data-testid="audience-preview"
          >
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('assign.reach', { count: preview.reach })}
              </Text>
              <Text size="sm">{t('assign.newEnrolments', { count: preview.newEnrolments })}</Text>
              <Text size="sm">{t('assign.previewAlready', { count: preview.alreadyEnrolled })}</Text>
              {preview.sample.length > 0 && (
                <>
                  <Text size="sm" fw={500} mt={4}>
                    {t('assign.sample')}
                  </Text>
                  <List size="sm" spacing={2}>
                    {preview.sample.map((p) => (
                      <List.Item key={p.employeeId}>
                        {p.name} · {p.nip}
                        {p.unitName ? ` · ${p.unitName}` : ''}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          </Alert>
        )}
        {liveMessage && (
          <Alert color="green" variant="light" title={t('assign.resultTitle')} role="status">
            <Text size="sm">{liveMessage}</Text>
          </Alert>
        )}
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
          {target === 'employees' ? (
            <Button type="submit" loading={mutation.isPending}>
              {t('assign.submit')}
            </Button>
          ) : preview ? (
            <Button type="submit" loading={live.isPending}>
              {t('assign.confirm')}
            </Button>
          ) : (
            <Button type="submit" loading={previewing}>
              {t('assign.preview')}
            </Button>
          )}
        </Group>
        {target !== 'employees' && (
          <>
            <Divider />
            <AudienceAssignmentsList courseId={courseId} />
          </>
        )}
      </Stack>
    </Modal>
  );
}
