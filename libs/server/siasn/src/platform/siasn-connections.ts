import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, REDIS, type AppConfig } from '@kompeten/server-core';
import { SiasnClient } from '../client/siasn-client';
import { siasnConnectionFromEnv, type SiasnConnection } from '../client/siasn-config';
import { findCredential, type CredentialRow } from '../credentials/credentials-store';
import { SecretBox } from '../credentials/secret-box';
import { SiasnRateLimiter } from '../push/rate-limiter';

export type ConnectionSource = 'agency' | 'install_default' | 'none';

/** The sealed fields of a credential and the associated data each is bound to. */
export const secretContext = (agencyId: string, field: 'apimKey' | 'apimSecret' | 'ssoPassword') =>
  `siasn_credential/${agencyId}/${field}`;

/**
 * Which SIASN an agency's records go to (decision 0031): the agency's own enabled credentials, else the install's
 * default from the SIASN_* variables (a single-agency install), else none (the push is parked). One client per
 * credential, so its tokens are cached across pushes, each throttled by the Redis limiter shared by every worker.
 */
@Injectable()
export class SiasnConnections {
  readonly installDefault: SiasnConnection | null;
  readonly box: SecretBox | null;
  private readonly clients = new Map<string, SiasnClient>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {
    this.installDefault = siasnConnectionFromEnv(config.siasn.connectionEnv);
    this.box = config.siasn.credentialsKey ? new SecretBox(config.siasn.credentialsKey) : null;
  }

  /** The agency's connection and where it came from. Throws when stored credentials cannot be decrypted. */
  async resolve(
    m: EntityManager,
    agencyId: string,
  ): Promise<{ source: ConnectionSource; connection: SiasnConnection | null }> {
    const row = await findCredential(m, agencyId);
    if (row?.enabled) return { source: 'agency', connection: this.open(row) };
    if (this.installDefault) return { source: 'install_default', connection: this.installDefault };
    return { source: 'none', connection: null };
  }

  open(row: CredentialRow): SiasnConnection {
    if (!this.box)
      throw new Error(
        'Kredensial SIASN instansi ini tersimpan terenkripsi, tetapi SIASN_CREDENTIALS_KEY tidak diatur di server',
      );
    return {
      baseUrl: row.baseUrl,
      apimTokenUrl: row.apimTokenUrl,
      ssoTokenUrl: row.ssoTokenUrl,
      ssoClientId: row.ssoClientId,
      ssoUsername: row.ssoUsername,
      apimKey: this.box.open(row.apimKeyEnc, secretContext(row.agencyId, 'apimKey')),
      apimSecret: this.box.open(row.apimSecretEnc, secretContext(row.agencyId, 'apimSecret')),
      ssoPassword: this.box.open(row.ssoPasswordEnc, secretContext(row.agencyId, 'ssoPassword')),
    };
  }

  async clientFor(m: EntityManager, agencyId: string): Promise<SiasnClient | null> {
    const { connection } = await this.resolve(m, agencyId);
    return connection ? this.clientOf(connection) : null;
  }

  /** One client per credential (tokens cached), throttled per credential across every worker process. */
  clientOf(connection: SiasnConnection, o: { fresh?: boolean } = {}): SiasnClient {
    const fingerprint = createHash('sha256').update(JSON.stringify(connection)).digest('hex');
    const cached = o.fresh ? undefined : this.clients.get(fingerprint);
    if (cached) return cached;
    const credential = createHash('sha256').update(`${connection.baseUrl}\n${connection.apimKey}`).digest('hex');
    const limiter = new SiasnRateLimiter(
      this.redis,
      `${this.config.queuePrefix}:siasn-rate:${credential.slice(0, 16)}`,
      this.config.siasn.ratePerSecond,
    );
    const client = new SiasnClient(connection, {
      timeoutMs: this.config.siasn.timeoutMs,
      throttle: () => limiter.acquire(),
    });
    if (!o.fresh) this.clients.set(fingerprint, client);
    return client;
  }
}
