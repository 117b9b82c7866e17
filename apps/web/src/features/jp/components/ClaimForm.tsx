import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  FileButton,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  COMPETENCY_KINDS,
  DELIVERY_MODES,
  JENIS_DIKLAT,
  type CompetencyKind,
  type DeliveryMode,
} from '@kompeten/shared-contracts';
import { localDateOf, parseCalendarDate } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatBytes, formatNumber } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import {
  claimInputOf,
  claimProblems,
  EMPTY_CLAIM,
  estimateJp,
  ruleOf,
  type ClaimField,
  type ClaimFormValues,
} from '../claim-form';
import { useMyRules, useSubmitClaim } from '../queries';

/** The claim form: the rule in force on the end date says the unit, the evidence and whether the form counts. */
export function ClaimForm() {
  const { t, i18n } = useTranslation('jp');
  const { me } = useAuth();
  const today = localDateOf(new Date(), me?.timeZone ?? 'Asia/Jakarta');
  const [values, setValues] = useState<ClaimFormValues>(EMPTY_CLAIM);
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const rulesOn = parseCalendarDate(values.endDate) && values.endDate <= today ? values.endDate : undefined;
  const rules = useMyRules(rulesOn);
  const submit = useSubmitClaim();
  const ruleSet = rules.data?.ruleSet;
  const rule = ruleOf(ruleSet, values.jenisDiklatId);
  const problems = claimProblems(values, rule, file, today);
  const shown = (field: ClaimField) => {
    const p = tried
      ? problems[field]
      : field === 'jenisDiklatId' && problems[field] === 'formNotRecognised'
        ? problems[field]
        : undefined;
    return p ? t(`claimForm.problem.${p}`) : undefined;
  };
  const set = <K extends keyof ClaimFormValues>(key: K, value: ClaimFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const unit = rule ? t(`unit.${rule.unit}`) : t('unit.hour');
  const estimate = estimateJp(values, rule, ruleSet?.minutesPerJp);
  const byMinutes = rule?.unit === 'hour' && rule.jpPerUnit === null;

  const formOptions = [true, false].map((classroom) => ({
    group: classroom ? t('claimForm.classroom') : t('claimForm.nonClassroom'),
    items: JENIS_DIKLAT.filter((f) => f.classroom === classroom).map((f) => ({
      value: String(f.id),
      label: `${f.id}. ${f.name}`,
    })),
  }));

  const onSubmit = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    setProgress(0);
    try {
      const claim = await submit.mutateAsync({ input: claimInputOf(values), file, onProgress: setProgress });
      notify({ color: 'kompeten', message: t('claims.submitted', { title: claim.title }) });
      setValues(EMPTY_CLAIM);
      setFile(null);
      setTried(false);
    } catch {
      // Shown above the button.
    } finally {
      setProgress(null);
    }
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <Stack gap="sm">
        <Select
          label={t('claimForm.form')}
          description={t('claimForm.formHint')}
          placeholder={t('claimForm.formPlaceholder')}
          data={formOptions}
          value={values.jenisDiklatId || null}
          onChange={(v) => set('jenisDiklatId', v ?? '')}
          searchable
          required
          error={shown('jenisDiklatId')}
        />
        <TextInput
          label={t('claimForm.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          maxLength={300}
          required
          error={shown('title')}
        />
        <TextInput
          label={t('claimForm.organiser')}
          value={values.organiser}
          onChange={(e) => set('organiser', e.currentTarget.value)}
          maxLength={200}
          required
          error={shown('organiser')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('claimForm.startDate')}
            value={values.startDate}
            max={today}
            onChange={(e) => set('startDate', e.currentTarget.value)}
            required
            error={shown('startDate')}
          />
          <TextInput
            type="date"
            label={t('claimForm.endDate')}
            value={values.endDate}
            max={today}
            onChange={(e) => set('endDate', e.currentTarget.value)}
            required
            error={shown('endDate')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('claimForm.quantity', { unit })}
            description={t('claimForm.quantityHint', { unit })}
            inputMode="decimal"
            value={values.quantity}
            onChange={(e) => set('quantity', e.currentTarget.value)}
            required
            error={shown('quantity')}
          />
          {byMinutes && (
            <Select
              label={t('claimForm.deliveryMode')}
              data={DELIVERY_MODES.map((m) => ({
                value: m,
                label: `${t(`deliveryMode.${m}`)} (${ruleSet?.minutesPerJp[m] ?? 45}′)`,
              }))}
              value={values.deliveryMode}
              onChange={(v) => set('deliveryMode', (v ?? 'classroom') as DeliveryMode)}
              allowDeselect={false}
            />
          )}
        </SimpleGrid>
        <Select
          label={t('claimForm.competencyKind')}
          data={COMPETENCY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={values.competencyKind || null}
          onChange={(v) => set('competencyKind', (v ?? '') as CompetencyKind | '')}
          clearable
        />
        <TextInput
          label={
            rule?.evidence === 'certificate' ? t('claimForm.certificateNumber') : t('claimForm.certificateOptional')
          }
          value={values.certificateNumber}
          onChange={(e) => set('certificateNumber', e.currentTarget.value)}
          maxLength={100}
          required={rule?.evidence === 'certificate'}
          error={shown('certificateNumber')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} component="div" id="claim-file-label">
            {t('claimForm.file')}
          </Text>
          {rule && (
            <Text size="xs" c="dimmed">
              {t(`claimForm.evidence.${rule.evidence}`)}
            </Text>
          )}
          <Text size="sm" c={file ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
            {file
              ? t('claimForm.fileChosen', { name: file.name, size: formatBytes(file.size) })
              : t('claimForm.fileNone')}
          </Text>
          <Group gap="sm">
            <FileButton onChange={setFile} accept="application/pdf,image/jpeg,image/png">
              {(props) => (
                <Button {...props} variant="default" size="sm" aria-describedby="claim-file-label">
                  {t('claimForm.fileChoose')}
                </Button>
              )}
            </FileButton>
            {file && (
              <Button variant="subtle" color="red" size="sm" onClick={() => setFile(null)}>
                {t('claimForm.fileRemove')}
              </Button>
            )}
          </Group>
          {shown('file') && (
            <Text size="sm" c="red.8" role="alert">
              {shown('file')}
            </Text>
          )}
        </Stack>
        {estimate !== null && (
          <Alert variant="light" color="kompeten">
            <Text size="sm" fw={600}>
              {t('claimForm.estimate', { jp: formatNumber(estimate, i18n.language) })}
            </Text>
            {rule?.capPerYear !== null && (
              <Text size="xs" c="dimmed">
                {t('claimForm.estimateNote')}
              </Text>
            )}
          </Alert>
        )}
        {rules.isError && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />}
        {submit.isError && <ErrorAlert error={submit.error} />}
        {progress !== null && file && (
          <Stack gap={2}>
            <Text size="xs">{t('claimForm.uploading', { percent: Math.round(progress * 100) })}</Text>
            <Progress value={Math.round(progress * 100)} aria-label={t('claimForm.file')} />
          </Stack>
        )}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t('claimForm.submit')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
