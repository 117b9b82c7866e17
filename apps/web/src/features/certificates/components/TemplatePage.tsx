import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  FileInput,
  Grid,
  Group,
  Image,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { CertificateTemplate, CertificateTemplateFields } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useAuth } from '../../../shared/auth/auth-context';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { errorMessage } from '../../../shared/api';
import { useAgencyOptions } from '../../agencies/queries';
import { previewTemplate, uploadLogo } from '../api';
import { useCertificateTemplate, useSaveTemplate } from '../queries';

const FIELDS: Array<keyof CertificateTemplateFields> = [
  'title',
  'awardedTo',
  'completed',
  'closing',
  'city',
  'signatoryName',
  'signatoryPosition',
  'signatoryNip',
  'pattern',
  'kode',
  'unit',
  'validityMonths',
  'logoSha256',
];

function fieldsOf(t: CertificateTemplate): CertificateTemplateFields {
  return Object.fromEntries(FIELDS.map((k) => [k, t[k]])) as unknown as CertificateTemplateFields;
}

/** The live preview: the draft drawn by the API as a PDF, a moment after the last keystroke. */
function Preview({ agencyId, draft }: { agencyId: string; draft: CertificateTemplateFields }) {
  const { t } = useTranslation('certificates');
  const [debounced] = useDebouncedValue(draft, 600);
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setBusy(true);
    previewTemplate(agencyId, debounced, controller.signal)
      .then((blob) => {
        setProblem(null);
        setUrl((old) => {
          if (old) URL.revokeObjectURL(old);
          return URL.createObjectURL(blob);
        });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProblem(errorMessage(error));
      })
      .finally(() => {
        if (!controller.signal.aborted) setBusy(false);
      });
    return () => controller.abort();
  }, [agencyId, debounced]);

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('preview')}
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {busy ? t('previewUpdating') : ''}
        </Text>
      </Group>
      {problem && (
        <Alert color="orange" variant="light" title={t('previewProblem')}>
          {problem}
        </Alert>
      )}
      {url && (
        <Box
          component="iframe"
          title={t('previewFrame')}
          src={url}
          data-testid="certificate-preview"
          style={{ width: '100%', aspectRatio: '297 / 210', border: '1px solid var(--mantine-color-gray-4)' }}
        />
      )}
    </Stack>
  );
}

/** The agency's certificate template: the form on the left, the live PDF preview on the right (stacked on phones). */
export function TemplatePage() {
  const { t } = useTranslation('certificates');
  const { t: tc } = useTranslation();
  useDocumentTitle(t('templateTitle'));
  const { me } = useAuth();
  const agencies = useAgencyOptions();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  useEffect(() => {
    if (agencyId || !agencies.data?.length) return;
    const own = me?.roles.find((r) => agencies.data.some((a) => a.value === r.agencyId))?.agencyId;
    setAgencyId(own ?? agencies.data[0].value);
  }, [agencies.data, agencyId, me]);
  const template = useCertificateTemplate(agencyId);
  const [draft, setDraft] = useState<CertificateTemplateFields | null>(null);
  useEffect(() => {
    if (template.data) setDraft(fieldsOf(template.data));
  }, [template.data]);
  const save = useSaveTemplate(agencyId ?? '');
  const [uploading, setUploading] = useState(false);

  const set = <K extends keyof CertificateTemplateFields>(key: K, value: CertificateTemplateFields[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const text = (
    key: keyof CertificateTemplateFields,
    label: string,
    o: { required?: boolean; description?: string } = {},
  ) => (
    <TextInput
      label={label}
      description={o.description}
      required={o.required ?? true}
      value={(draft?.[key] as string | null) ?? ''}
      onChange={(e) => set(key, e.currentTarget.value as never)}
    />
  );
  const onLogo = async (file: File | null) => {
    if (!file || !agencyId) return;
    setUploading(true);
    try {
      const uploaded = await uploadLogo(agencyId, file);
      set('logoSha256', uploaded.logoSha256);
      notify({ color: 'green', message: t('logoUploaded') });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error) });
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('templateTitle')}</Title>
      <Text>{t('templateIntro')}</Text>
      <Select
        label={t('templateAgency')}
        data={agencies.data ?? []}
        value={agencyId}
        onChange={(value) => {
          setAgencyId(value);
          setDraft(null);
        }}
        searchable
        placeholder={agencies.isPending ? tc('loading') : undefined}
        maw={480}
        allowDeselect={false}
      />
      {template.isError && <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />}
      {template.data?.isDefault && (
        <Alert color="blue" variant="light">
          {t('templateDefault')}
        </Alert>
      )}
      {draft && agencyId && template.data && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder p="md">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  save.mutate(draft, { onSuccess: () => notify({ color: 'green', message: t('saved') }) });
                }}
              >
                <Stack gap="sm">
                  {text('title', t('titleField'))}
                  {text('awardedTo', t('awardedTo'))}
                  {text('completed', t('completed'))}
                  {text('closing', t('closing'), { required: false })}
                  {text('city', t('city'))}
                  {text('signatoryName', t('signatoryName'))}
                  {text('signatoryPosition', t('signatoryPosition'))}
                  {text('signatoryNip', t('signatoryNip'), { required: false })}
                  {text('pattern', t('pattern'), {
                    description: t('patternHint', { sample: template.data.sampleNumber }),
                  })}
                  <Group grow wrap="wrap">
                    {text('kode', t('kode'))}
                    {text('unit', t('unit'))}
                  </Group>
                  <NumberInput
                    label={t('validityMonths')}
                    description={t('validityHint')}
                    min={1}
                    max={600}
                    allowDecimal={false}
                    value={draft.validityMonths ?? ''}
                    onChange={(v) => set('validityMonths', typeof v === 'number' ? v : null)}
                  />
                  <FileInput
                    label={t('logo')}
                    accept="image/png,image/jpeg"
                    onChange={(file) => void onLogo(file)}
                    disabled={uploading}
                    clearable={false}
                  />
                  {draft.logoSha256 && (
                    <Group gap="sm">
                      <Image
                        src={`/api/public/certificate-logos/${draft.logoSha256}`}
                        alt={t('logoUploaded')}
                        h={48}
                        w="auto"
                      />
                      <Button size="xs" variant="subtle" onClick={() => set('logoSha256', null)}>
                        {t('logoRemove')}
                      </Button>
                    </Group>
                  )}
                  {save.isError && <ErrorAlert error={save.error} />}
                  <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
                    {t('save')}
                  </Button>
                </Stack>
              </form>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Preview agencyId={agencyId} draft={draft} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
