import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from '@kompeten/server-organisation';

/**
 * An agency's own SIASN credentials (decision 0031). The gateway key and secret and the SSO password are kept
 * encrypted with AES-256-GCM under SIASN_CREDENTIALS_KEY (`v1.<iv>.<tag>.<ciphertext>`, the agency and field bound in
 * as associated data); the URLs, the SSO client id and the username are not secrets.
 */
@Entity('siasn_credential')
export class SiasnCredentialEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => AgencyEntity, { name: 'siasn_credential_agency_id_fkey' })
  agencyId: string;

  @Column('text')
  baseUrl: string;

  @Column('text')
  apimTokenUrl: string;

  @Column('text')
  ssoTokenUrl: string;

  @Column('text')
  ssoClientId: string;

  @Column('text')
  ssoUsername: string;

  @Column('text')
  apimKeyEnc: string;

  @Column('text')
  apimSecretEnc: string;

  @Column('text')
  ssoPasswordEnc: string;

  @Column('boolean', { default: true })
  enabled: boolean;

  @Column('uuid', { nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
