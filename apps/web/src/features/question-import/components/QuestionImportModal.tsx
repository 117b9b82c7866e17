import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Progress,
  Radio,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  QUESTION_IMPORT_FORMATS,
  QUESTION_IMPORT_MAX_BYTES,
  QUESTION_IMPORT_MAX_QUESTIONS,
  type QuestionCategory,
  type QuestionImportFormat,
  type QuestionImportItem,
  type QuestionImportReport,
} from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../shared/api';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatBytes, formatNumber } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { DANGER_TEXT } from '../../courses/colors';
import { useQuizLabels } from '../../quiz/labels';
import { downloadQuestionTemplate, type QuestionImportOptions } from '../api';
import { useCommitImport, usePreviewImport } from '../queries';
import { importableCount, STATUS_COLOR } from '../report';

const ACCEPT: Record<QuestionImportFormat, string> = {
  gift: '.txt,.gift,text/plain',
  aiken: '.txt,text/plain',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: '.csv,text/csv',
};

interface QuestionImportModalProps {
  courseId: string;
  categories: QuestionCategory[];
  defaultCategoryId?: string;
  onClose: () => void;
}

type Step = 'choose' | 'preview' | 'result';

/**
 * "Impor soal": choose the format, the target category and the file; read the preview report of every question;
 * confirm; see what was imported. docs/question-import.md describes the formats.
 */
export function QuestionImportModal({ courseId, categories, defaultCategoryId, onClose }: QuestionImportModalProps) {
  const { t } = useTranslation('questionImport');
  const { t: tc } = useTranslation();
  const labels = useQuizLabels();
  const phone = useMediaQuery('(max-width: 48em)');
  const [step, setStep] = useState<Step>('choose');
  const [format, setFormat] = useState<QuestionImportFormat>('gift');
  const [categoryId, setCategoryId] = useState(defaultCategoryId ?? '');
  const [useFileCategories, setUseFileCategories] = useState(false);
  const [includeDuplicates, setIncludeDuplicates] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<QuestionImportReport | null>(null);
  const [downloading, setDownloading] = useState(false);
  const previewImport = usePreviewImport(courseId);
  const commitImport = useCommitImport(courseId);

  const options = (): QuestionImportOptions => ({
    format,
    categoryId: categoryId || null,
    useFileCategories,
    includeDuplicates,
    lang: currentLanguage(),
  });

  const runPreview = async () => {
    if (!file) return;
    setProgress(0);
    try {
      setReport(await previewImport.mutateAsync({ file, options: options(), onProgress: setProgress }));
      setIncludeDuplicates(false);
      setStep('preview');
    } catch {
      // Shown below.
    }
  };

  const runImport = async () => {
    if (!file) return;
    setProgress(0);
    try {
      const done = await commitImport.mutateAsync({ file, options: options(), onProgress: setProgress });
      setReport(done);
      setStep('result');
      notify({ color: 'kompeten', message: t('imported', { count: done.created }) });
    } catch {
      // Shown below.
    }
  };

  const onTemplate = async (kind: 'xlsx' | 'csv') => {
    setDownloading(true);
    try {
      await downloadQuestionTemplate(kind);
    } catch (error) {
      notify({ color: 'red', title: t('templateFailed'), message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };

  const busy = previewImport.isPending || commitImport.isPending;
  const percent = Math.round(progress * 100);
  const toImport = report ? importableCount(report, includeDuplicates) : 0;

  const statusLabel = (item: QuestionImportItem) =>
    step === 'result' && item.questionId ? t('status.created') : t(`status.${item.status}`);

  const reportTable = report && (
    <DataTable<QuestionImportItem>
      caption={t('reportCaption')}
      rows={report.items}
      rowKey={(item) => `${item.line}-${item.excerpt}`}
      minWidth={680}
      columns={[
        { key: 'line', header: t('columns.line'), cell: (item) => item.line, align: 'right', nowrap: true },
        {
          key: 'status',
          header: t('columns.status'),
          nowrap: true,
          cell: (item) => (
            <Badge
              variant="light"
              color={STATUS_COLOR[item.status]}
              c={item.status === 'refused' ? DANGER_TEXT : undefined}
              radius="sm"
            >
              {statusLabel(item)}
            </Badge>
          ),
        },
        {
          key: 'kind',
          header: t('columns.kind'),
          cell: (item) => (item.kind ? labels.questionKind(item.kind) : tc('none')),
        },
        {
          key: 'question',
          header: t('columns.question'),
          cell: (item) => (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {item.excerpt || tc('none')}
            </Text>
          ),
        },
        {
          key: 'notes',
          header: t('columns.notes'),
          cell: (item) =>
            item.reason || item.warnings.length ? (
              <Stack gap={2}>
                {item.reason && (
                  <Text size="sm" c={item.status === 'refused' ? DANGER_TEXT : undefined}>
                    {item.reason}
                  </Text>
                )}
                {item.warnings.map((w) => (
                  <Text key={w} size="sm" c="dimmed">
                    {w}
                  </Text>
                ))}
              </Stack>
            ) : null,
        },
      ]}
    />
  );

  const summary = report && (
    <Group gap="xs" wrap="wrap" aria-live="polite">
      {step === 'result' ? (
        <Badge color="kompeten" variant="light" size="lg" radius="sm">
          {t('summaryCreated', { count: formatNumber(report.created) })}
        </Badge>
      ) : (
        <Badge color="kompeten" variant="light" size="lg" radius="sm">
          {t('summaryAccepted', { count: formatNumber(report.accepted) })}
        </Badge>
      )}
      <Badge color="gray" variant="light" size="lg" radius="sm">
        {t('summaryDuplicates', { count: formatNumber(report.duplicates) })}
      </Badge>
      <Badge color="red" c={DANGER_TEXT} variant="light" size="lg" radius="sm">
        {t('summaryRefused', { count: formatNumber(report.refused) })}
      </Badge>
    </Group>
  );

  const uploadingBar = busy && (
    <div aria-live="polite">
      <Progress value={percent} size="md" aria-label={t('uploadProgress')} />
      <Text size="sm" mt={4}>
        {t('uploading', { percent })}
      </Text>
    </div>
  );

  return (
    <Modal.Root opened onClose={onClose} size={step === 'choose' ? 'lg' : 'xl'} fullScreen={phone}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {step === 'choose'
              ? t('title')
              : step === 'preview'
                ? t('previewTitle', { name: report?.fileName })
                : t('resultTitle')}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('close')} />
        </Modal.Header>
        <Modal.Body>
          {step === 'choose' && (
            <form onSubmit={(event) => (event.preventDefault(), void runPreview())} noValidate>
              <Stack gap="md">
                <Text size="sm">{t('intro')}</Text>
                <Radio.Group
                  label={t('format')}
                  value={format}
                  onChange={(v) => {
                    setFormat(v as QuestionImportFormat);
                    setFile(null);
                    previewImport.reset();
                  }}
                >
                  <Stack gap="xs" mt={4}>
                    {QUESTION_IMPORT_FORMATS.map((f) => (
                      <Radio key={f} value={f} label={t(`formats.${f}`)} description={t(`formatHints.${f}`)} />
                    ))}
                  </Stack>
                </Radio.Group>
                {(format === 'xlsx' || format === 'csv') && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    style={{ alignSelf: 'flex-start' }}
                    loading={downloading}
                    onClick={() => void onTemplate(format)}
                  >
                    {t('template')} ({t(`formats.${format}`)})
                  </Button>
                )}
                <Select
                  label={t('category')}
                  data={[
                    { value: '', label: t('uncategorised') },
                    ...categories.map((c) => ({ value: c.id, label: c.name })),
                  ]}
                  value={categoryId}
                  onChange={(v) => setCategoryId(v ?? '')}
                  allowDeselect={false}
                />
                {format !== 'aiken' && (
                  <Checkbox
                    label={t('useFileCategories')}
                    description={t('useFileCategoriesHint')}
                    checked={useFileCategories}
                    onChange={(e) => setUseFileCategories(e.currentTarget.checked)}
                  />
                )}
                <FileInput
                  label={t('file')}
                  placeholder={t('choose')}
                  description={t('fileHint', {
                    size: formatBytes(QUESTION_IMPORT_MAX_BYTES),
                    count: formatNumber(QUESTION_IMPORT_MAX_QUESTIONS),
                  })}
                  accept={ACCEPT[format]}
                  value={file}
                  onChange={(f) => {
                    setFile(f);
                    previewImport.reset();
                  }}
                  clearable
                  clearButtonProps={{ 'aria-label': t('back') }}
                  required
                />
                {uploadingBar}
                {previewImport.isError && <ErrorAlert error={previewImport.error} />}
                <Group justify="flex-end" gap="sm">
                  <Button variant="default" onClick={onClose}>
                    {t('cancel')}
                  </Button>
                  <Button type="submit" disabled={!file} loading={previewImport.isPending}>
                    {t('preview')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}

          {step === 'preview' && report && (
            <Stack gap="md">
              {summary}
              {report.newCategories.length > 0 && (
                <Text size="sm">{t('newCategories', { names: report.newCategories.join(', ') })}</Text>
              )}
              {report.duplicates > 0 && (
                <Checkbox
                  label={t('includeDuplicates')}
                  description={t('includeDuplicatesHint')}
                  checked={includeDuplicates}
                  onChange={(e) => setIncludeDuplicates(e.currentTarget.checked)}
                />
              )}
              {toImport === 0 && (
                <Alert color="yellow" variant="light">
                  {t('nothingToImport')}
                </Alert>
              )}
              {reportTable}
              {uploadingBar}
              {commitImport.isError && <ErrorAlert error={commitImport.error} />}
              <Group justify="flex-end" gap="sm" wrap="wrap">
                <Button
                  variant="default"
                  onClick={() => {
                    setStep('choose');
                    commitImport.reset();
                  }}
                  disabled={busy}
                >
                  {t('back')}
                </Button>
                <Button onClick={() => void runImport()} disabled={toImport === 0} loading={commitImport.isPending}>
                  {t('confirm', { count: toImport })}
                </Button>
              </Group>
            </Stack>
          )}

          {step === 'result' && report && (
            <Stack gap="md">
              <Alert color="kompeten" variant="light" role="status">
                {t('imported', { count: report.created })}
              </Alert>
              {summary}
              {reportTable}
              <Group justify="flex-end">
                <Button onClick={onClose}>{t('done')}</Button>
              </Group>
            </Stack>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
