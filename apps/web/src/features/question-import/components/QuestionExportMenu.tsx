import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { QUESTION_EXPORT_FORMATS, type QuestionExportFormat } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api';
import { notify } from '../../../shared/notify';
import { exportQuestions } from '../api';

/** "Ekspor": the bank, or the category being shown, as GIFT, Aiken, Excel or CSV. */
export function QuestionExportMenu({
  courseId,
  category,
  disabled,
}: {
  courseId: string;
  category?: { id: string; name: string };
  disabled?: boolean;
}) {
  const { t } = useTranslation('questionImport');
  const [busy, setBusy] = useState(false);

  const run = async (format: QuestionExportFormat) => {
    setBusy(true);
    try {
      await exportQuestions(courseId, format, category?.id);
    } catch (error) {
      notify({ color: 'red', title: t('export.failed'), message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    // Items only, and no focus placeholder (a focusable role="presentation" div): anything else inside role="menu"
    // breaks axe's aria-required-children. Named by what it exports;
    // kept in the page (no portal) so it stays inside the main landmark.
    <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" loading={busy} disabled={disabled}>
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown maw={340} aria-label={category ? t('export.category', { name: category.name }) : t('export.bank')}>
        {QUESTION_EXPORT_FORMATS.map((format) => (
          <Menu.Item key={format} onClick={() => void run(format)}>
            {t(`export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
