import { MailCapture } from '@kompeten/server-mail-capture';

/**
 * The local mail capture as its own process (`npm start` runs it when SMTP_URL is unset; docs/notifications.md):
 * SMTP on MAIL_CAPTURE_SMTP_PORT (default 1025), the page on MAIL_CAPTURE_HTTP_PORT (default 1080).
 */
async function main(): Promise<void> {
  const env = process.env;
  const capture = new MailCapture({
    smtpPort: Number(env.MAIL_CAPTURE_SMTP_PORT ?? 1025),
    httpPort: Number(env.MAIL_CAPTURE_HTTP_PORT ?? 1080),
    host: env.MAIL_CAPTURE_HOST ?? '127.0.0.1',
  });
  const { smtpUrl, httpOrigin } = await capture.start();
  console.warn(`Mail capture: SMTP ${smtpUrl}, sent mail at ${httpOrigin}/`);
  const stop = () => void capture.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
