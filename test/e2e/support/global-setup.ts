import { startPlatform, type RunningPlatform } from './platform';

declare global {
  var __KOMPETEN_PLATFORM__: RunningPlatform | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_BASE_URL) return; // an already-running platform was given
  const platform = await startPlatform(Number(process.env.E2E_PORT ?? 3100));
  globalThis.__KOMPETEN_PLATFORM__ = platform;
  process.env.E2E_BASE_URL = platform.baseUrl;
}
