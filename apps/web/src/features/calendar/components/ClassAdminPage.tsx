import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import {
  CLASS_MODES,
  COMPETENCY_KINDS,
  JENIS_DIKLAT,
  TIME_ZONE_LABEL,
  type ClassMode,
  type CompetencyKind,
} from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ZonedDateTimeInput } from '../../../shared/components/ZonedDateTimeInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { useAgencyOptions } from '../../agencies/queries';
import { CLASS_ADMIN_ROLES } from '../../../shared/layout/nav-items';
import { classInputOf, emptyClassForm, type ClassFormProblem, type ClassFormValues } from '../class-form';
import { useCreateClass, useCreateOffering, useOfferings } from '../queries';
import { ClassManageList } from '../views/ClassManageList';

/** /kelas/kelola — province and agency admins create a training and its classes with quotas per agency. */
export function ClassAdminPage() {
  const { t } = useTranslation('calendar');
  useDocumentTitle(t('admin.title'));
  const offerings = useOfferings({ page: 1, pageSize: 100 });
  const [offeringId, setOfferingId] = useState<string | null>(null);
  const chosen = offeringId ?? offerings.data?.items[0]?.id ?? null;
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title={t('admin.title')} intro={t('admin.intro')} introMaw={760} />
      <OfferingForm onCreated={setOfferingId} />
      {offerings.isError && <ErrorAlert error={offerings.error} onRetry={() => void offerings.refetch()} />}
      {offerings.data && offerings.data.items.length === 0 ? (
        <Text c="dimmed">{t('admin.noOfferings')}</Text>
      ) : (
        <Fieldset legend={t('admin.newClass')}>
          <Stack gap="sm">
            <Select
              label={t('admin.chooseOffering')}
              data={(offerings.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }))}
              value={chosen}
              onChange={setOfferingId}
              allowDeselect={false}
            />
            {chosen && <ClassForm key={chosen} offeringId={chosen} />}
            {chosen && <ClassManageList key={`list-${chosen}`} offeringId={chosen} />}
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

function OfferingForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation('calendar');
  const { me } = useAuth();
  const create = useCreateOffering();
  const adminAgencies = (me?.roles ?? [])
    .filter((r) => CLASS_ADMIN_ROLES.includes(r.role) && r.agencyId)
    .map((r) => ({ value: r.agencyId as string, label: r.agencyName ?? '' }));
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [jenisDiklatId, setJenisDiklatId] = useState<string | null>('1');
  const [jp, setJp] = useState<number | string>(24);
  const [kind, setKind] = useState<CompetencyKind>('manajerial');
  const submit = async () => {
    try {
      const o = await create.mutateAsync({
        agencyId: agencyId ?? adminAgencies[0]?.value ?? '',
        title: title.trim(),
        jenisDiklatId: Number(jenisDiklatId),
        jp: Number(jp),
        competencyKind: kind,
      });
      notify({ color: 'kompeten', message: t('admin.offeringCreated', { title: o.title }) });
      setTitle('');
      onCreated(o.id);
    } catch {
      // Shown in the form.
    }
  };
  return (
    <Fieldset legend={t('admin.newOffering')}>
      <Stack gap="sm">
        {create.isError && <ErrorAlert error={create.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.offeringTitle')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Select
            label={t('admin.agency')}
            data={adminAgencies}
            value={agencyId ?? adminAgencies[0]?.value ?? null}
            onChange={setAgencyId}
            allowDeselect={false}
          />
          <Select
            label={t('admin.jenisDiklat')}
            data={JENIS_DIKLAT.map((f) => ({ value: String(f.id), label: `${f.id} — ${f.name}` }))}
            value={jenisDiklatId}
            onChange={setJenisDiklatId}
            allowDeselect={false}
          />
          <NumberInput label={t('admin.jp')} min={0.25} max={2000} decimalScale={2} value={jp} onChange={setJp} />
          <Select
            label={t('admin.competencyKind')}
            data={COMPETENCY_KINDS.map((k) => ({ value: k, label: t(`competency.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as CompetencyKind)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group>
          <Button onClick={() => void submit()} loading={create.isPending} disabled={title.trim().length < 3}>
            {t('admin.createOffering')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function ClassForm({ offeringId }: { offeringId: string }) {
  const { t } = useTranslation('calendar');
  const { me } = useAuth();
  const zone = me?.timeZone ?? 'Asia/Jakarta';
  const zoneLabel = TIME_ZONE_LABEL[zone];
  const agencies = useAgencyOptions();
  const create = useCreateClass();
  const [problem, setProblem] = useState<ClassFormProblem | null>(null);
  const { register, control, handleSubmit, watch, reset } = useForm<ClassFormValues>({
    defaultValues: emptyClassForm(),
  });
  const quotas = useFieldArray({ control, name: 'quotas' });
  const mode = watch('mode');
  const submit = handleSubmit(async (v) => {
    const r = classInputOf(v, zone);
    if ('problem' in r) {
      setProblem(r.problem);
      return;
    }
    setProblem(null);
    try {
      const c = await create.mutateAsync({ offeringId, input: r.input });
      notify({ color: 'kompeten', message: t('admin.classCreated', { name: c.name }) });
      reset(emptyClassForm());
    } catch {
      // Shown in the form.
    }
  });
  const dateTime = (name: 'opensAt' | 'closesAt' | 'cancelBy' | 'releaseAt', label: string, description?: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ZonedDateTimeInput label={label} description={description} value={field.value} onChange={field.onChange} />
      )}
    />
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {problem && (
          <Text c="red.8" role="alert">
            {t(problem)}
          </Text>
        )}
        {create.isError && <ErrorAlert error={create.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('form.name')} required {...register('name')} />
          <Controller
            control={control}
            name="mode"
            render={({ field }) => (
              <Select
                label={t('form.mode')}
                data={CLASS_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v as ClassMode)}
                allowDeselect={false}
              />
            )}
          />
          <TextInput label={t('form.date')} placeholder="2027-02-10" required {...register('date')} />
          <Group grow>
            <TextInput label={t('form.start')} placeholder="08:00" required {...register('start')} />
            <TextInput label={t('form.end')} placeholder="16:00" required {...register('end')} />
          </Group>
          {mode !== 'online' && <TextInput label={t('form.venue')} {...register('venue')} />}
          {mode !== 'classroom' && <TextInput label={t('form.meetingUrl')} type="url" {...register('meetingUrl')} />}
          <Controller
            control={control}
            name="seats"
            render={({ field }) => (
              <NumberInput
                label={t('form.seats')}
                description={t('form.seatsHint')}
                min={1}
                allowDecimal={false}
                value={field.value}
                onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
              />
            )}
          />
          {dateTime('opensAt', t('form.opensAt', { zone: zoneLabel }), t('form.opensAtHint'))}
          {dateTime('closesAt', t('form.closesAt', { zone: zoneLabel }), t('form.closesAtHint'))}
          {dateTime('cancelBy', t('form.cancelBy', { zone: zoneLabel }), t('form.cancelByHint'))}
          {dateTime('releaseAt', t('form.releaseAt', { zone: zoneLabel }))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('form.speakerNips')}
            description={t('form.speakerNipsHint')}
            autosize
            minRows={1}
            {...register('speakerNips')}
          />
          <Textarea
            label={t('form.externalSpeakers')}
            description={t('form.externalSpeakersHint')}
            autosize
            minRows={1}
            {...register('externalSpeakers')}
          />
        </SimpleGrid>
        <Checkbox label={t('form.requiresApproval')} {...register('requiresApproval')} />
        <Fieldset legend={t('form.quotas')} variant="unstyled">
          <Stack gap="xs">
            {quotas.fields.map((q, i) => (
              <Group key={q.id} align="flex-end" wrap="nowrap">
                <Controller
                  control={control}
                  name={`quotas.${i}.agencyId`}
                  render={({ field }) => (
                    <Select
                      label={t('form.quotaAgency', { n: i + 1 })}
                      data={agencies.data ?? []}
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      searchable
                      style={{ flex: 1 }}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name={`quotas.${i}.seats`}
                  render={({ field }) => (
                    <NumberInput
                      label={t('form.quotaSeats', { n: i + 1 })}
                      min={1}
                      allowDecimal={false}
                      value={field.value}
                      onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                      w={110}
                    />
                  )}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() => quotas.remove(i)}
                  aria-label={t('form.removeQuota', { n: i + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => quotas.append({ agencyId: '', seats: 1 })}>
                {t('form.addQuota')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('admin.createClass')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
