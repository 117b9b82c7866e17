import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { TIME_ZONE_LABEL, type TrainingClass } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { ModalActions } from '../../../shared/components/ModalActions';
import { ZonedDateTimeInput } from '../../../shared/components/ZonedDateTimeInput';
import { formatDate } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { fromZonedInput, toZonedInput } from '../../courses/datetime';
import { useCancelClass, useEditClass, useOfferingClasses } from './calendar-queries';

/** The classes of an offering on the class admin page, each with Edit and Cancel (decision 0040). */
export function ClassManageList({ offeringId }: { offeringId: string }) {
  const { t, i18n } = useTranslation('calendar');
  const classes = useOfferingClasses(offeringId);
  const [editing, setEditing] = useState<TrainingClass | null>(null);
  const [cancelling, setCancelling] = useState<TrainingClass | null>(null);
  return (
    <Stack gap="xs">
      <Text fw={700} component="h2" size="lg">
        {t('edit.manage')}
      </Text>
      {classes.isError && <ErrorAlert error={classes.error} onRetry={() => void classes.refetch()} />}
      {classes.data?.items.length === 0 && <Text c="dimmed">{t('edit.none')}</Text>}
      {classes.data?.items.map((c) => (
        <Paper key={c.id} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text fw={600}>{c.name}</Text>
              <Text size="sm">
                {formatDate(c.startDate, i18n.language)}
                {c.endDate !== c.startDate && ` – ${formatDate(c.endDate, i18n.language)}`}, {c.schedule[0]?.start}–
                {c.schedule[0]?.end} {TIME_ZONE_LABEL[c.timeZone]}
              </Text>
            </Stack>
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                onClick={() => setEditing(c)}
                aria-label={t('edit.editNamed', { name: c.name })}
              >
                {t('edit.edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => setCancelling(c)}
                aria-label={t('edit.cancelNamed', { name: c.name })}
              >
                {t('edit.cancel')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing ? t('edit.editTitle', { name: editing.name }) : ''}
        size="lg"
      >
        {editing && <EditClassForm cls={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal
        opened={!!cancelling}
        onClose={() => setCancelling(null)}
        title={cancelling ? t('edit.cancelTitle', { name: cancelling.name }) : ''}
      >
        {cancelling && <CancelClassForm cls={cancelling} onDone={() => setCancelling(null)} />}
      </Modal>
    </Stack>
  );
}

interface EditValues {
  name: string;
  days: Array<{ date: string; start: string; end: string }>;
  venue: string;
  meetingUrl: string;
  closesAt: string;
  cancelBy: string;
}

function EditClassForm({ cls, onDone }: { cls: TrainingClass; onDone: () => void }) {
  const { t } = useTranslation('calendar');
  const zone = TIME_ZONE_LABEL[cls.timeZone];
  const edit = useEditClass();
  const form = useForm<EditValues>({
    defaultValues: {
      name: cls.name,
      days: cls.schedule.map((d) => ({ ...d })),
      venue: cls.venue ?? '',
      meetingUrl: cls.meetingUrl ?? '',
      closesAt: toZonedInput(cls.registrationClosesAt, cls.timeZone),
      cancelBy: toZonedInput(cls.cancellationDeadline, cls.timeZone),
    },
  });
  const days = useFieldArray({ control: form.control, name: 'days' });
  const submit = form.handleSubmit(async (v) => {
    try {
      const answer = await edit.mutateAsync({
        id: cls.id,
        input: {
          name: v.name.trim(),
          schedule: v.days.map((d) => ({ date: d.date.trim(), start: d.start.trim(), end: d.end.trim() })),
          ...(cls.mode !== 'online' ? { venue: v.venue.trim() } : {}),
          ...(cls.mode !== 'classroom' ? { meetingUrl: v.meetingUrl.trim() } : {}),
          ...(fromZonedInput(v.closesAt, cls.timeZone)
            ? { registrationClosesAt: fromZonedInput(v.closesAt, cls.timeZone) as string }
            : {}),
          ...(fromZonedInput(v.cancelBy, cls.timeZone)
            ? { cancellationDeadline: fromZonedInput(v.cancelBy, cls.timeZone) as string }
            : {}),
        },
      });
      notify({ color: 'kompeten', message: t('edit.saved', { name: answer.class.name, sequence: answer.sequence }) });
      onDone();
    } catch {
      // Shown in the form.
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('edit.fixed')}
        </Text>
        {edit.isError && <ErrorAlert error={edit.error} />}
        <TextInput label={t('form.name')} required {...form.register('name')} />
        <Text fw={600} size="sm">
          {t('edit.days', { zone })}
        </Text>
        {days.fields.map((f, i) => (
          <Group key={f.id} gap="xs" align="end" wrap="wrap">
            <TextInput
              label={t('edit.dayDate', { n: i + 1 })}
              placeholder="2027-02-10"
              w={140}
              {...form.register(`days.${i}.date`)}
            />
            <TextInput
              label={t('edit.dayStart', { n: i + 1 })}
              placeholder="08:00"
              w={100}
              {...form.register(`days.${i}.start`)}
            />
            <TextInput
              label={t('edit.dayEnd', { n: i + 1 })}
              placeholder="16:00"
              w={100}
              {...form.register(`days.${i}.end`)}
            />
            {days.fields.length > 1 && (
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => days.remove(i)}
                aria-label={t('edit.removeDay', { n: i + 1 })}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" onClick={() => days.append({ date: '', start: '08:00', end: '16:00' })}>
            {t('edit.addDay')}
          </Button>
        </Group>
        {cls.mode !== 'online' && <TextInput label={t('form.venue')} {...form.register('venue')} />}
        {cls.mode !== 'classroom' && <TextInput label={t('form.meetingUrl')} {...form.register('meetingUrl')} />}
        <Controller
          control={form.control}
          name="closesAt"
          render={({ field }) => (
            <ZonedDateTimeInput label={t('form.closesAt', { zone })} value={field.value} onChange={field.onChange} />
          )}
        />
        <Controller
          control={form.control}
          name="cancelBy"
          render={({ field }) => (
            <ZonedDateTimeInput label={t('form.cancelBy', { zone })} value={field.value} onChange={field.onChange} />
          )}
        />
        <ModalActions
          onCancel={onDone}
          cancelLabel={t('edit.keep')}
          submitLabel={t('edit.save')}
          loading={edit.isPending}
        />
      </Stack>
    </form>
  );
}

function CancelClassForm({ cls, onDone }: { cls: TrainingClass; onDone: () => void }) {
  const { t } = useTranslation('calendar');
  const cancel = useCancelClass();
  const [reason, setReason] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await cancel.mutateAsync({ id: cls.id, reason: reason.trim() });
      notify({ color: 'kompeten', message: t('edit.cancelledDone', { name: cls.name }) });
      onDone();
    } catch {
      // Shown in the form.
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {cancel.isError && <ErrorAlert error={cancel.error} />}
        <Textarea
          label={t('edit.reason')}
          description={t('edit.reasonHint')}
          required
          minLength={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ModalActions
          onCancel={onDone}
          cancelLabel={t('edit.keep')}
          submitLabel={t('edit.confirmCancel')}
          loading={cancel.isPending}
          disabled={reason.trim().length < 3}
        />
      </Stack>
    </form>
  );
}
