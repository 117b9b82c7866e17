import { stopPlatform } from './platform';

export default async function globalTeardown(): Promise<void> {
  const platform = globalThis.__KOMPETEN_PLATFORM__;
  if (platform) await stopPlatform(platform);
}
