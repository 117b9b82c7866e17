import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '@kompeten/server-core';

export interface ApiProcess {
  /** http://127.0.0.1:<port> of the other process. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the API in a separate OS process with the given config (same database, Redis, JWT secret and prefix). */
export async function spawnApiProcess(config: AppConfig, timeoutMs = 90_000): Promise<ApiProcess> {
  const child: ChildProcess = fork(join(__dirname, 'api-process.ts'), [], {
    execArgv: ['-r', join(__dirname, 'ts-register.cjs')],
    env: { ...process.env, KOMPETEN_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The second API process did not start in time')), timeoutMs);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve((m as { port: number }).port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The second API process exited with ${code}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.disconnect();
      }),
  };
}
