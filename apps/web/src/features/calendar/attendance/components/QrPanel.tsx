import { useEffect, useState } from 'react';
import { Box, Center, Group, Image, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import type { AttendanceScanKind } from '@kompeten/shared-contracts';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { useQr } from '../queries';

/**
 * The rotating QR code of a session, big enough to scan from the back of the room, with the seconds until the next
 * code. The server signs each code for its 30-second step; the panel fetches the next one when it rotates.
 */
export function QrPanel({ classId, session }: { classId: string; session: number }) {
  const { t } = useTranslation('attendance');
  const [kind, setKind] = useState<AttendanceScanKind>('in');
  const qr = useQr(classId, session, kind, true);
  const [image, setImage] = useState<string | null>(null);
  const [left, setLeft] = useState(0);
  const { data, refetch } = qr;

  useEffect(() => {
    if (!data) return;
    let live = true;
    void QRCode.toDataURL(data.url, { margin: 1, width: 640, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setImage(url);
    });
    const rotate = Math.max(1000, Date.parse(data.rotatesAt) - Date.now());
    const timer = window.setTimeout(() => void refetch(), rotate);
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(data.rotatesAt) - Date.now()) / 1000)));
    tick();
    const ticker = window.setInterval(tick, 1000);
    return () => {
      live = false;
      window.clearTimeout(timer);
      window.clearInterval(ticker);
    };
  }, [data, refetch]);

  return (
    <Stack gap="sm" align="center">
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as AttendanceScanKind)}
        data={[
          { value: 'in', label: t('qr.in') },
          { value: 'out', label: t('qr.out') },
        ]}
        aria-label={t('qr.kind')}
      />
      {qr.isError && <ErrorAlert error={qr.error} onRetry={() => void refetch()} />}
      <Box w="100%" maw={520}>
        {image && data ? (
          <Image src={image} alt={t('qr.alt', { kind: t(`qr.${kind}`) })} w="100%" radius="sm" />
        ) : (
          <Center h={320}>
            <Loader aria-label={t('qr.loading')} />
          </Center>
        )}
      </Box>
      <Group gap="xs" justify="center">
        <Text size="lg" fw={700} aria-live="off">
          {t('qr.countdown', { seconds: left })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" ta="center" maw={520}>
        {t(kind === 'in' ? 'qr.hintIn' : 'qr.hintOut')}
      </Text>
    </Stack>
  );
}
