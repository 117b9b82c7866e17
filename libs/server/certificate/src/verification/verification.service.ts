import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type CertificateKeyDocument, type CertificateVerification } from '@kompeten/shared-contracts';
import { APP_CONFIG, invalid, notFound, type AppConfig } from '@kompeten/server-core';
import { findKey } from '../certificates/certificate-list-store';
import { ed25519Jwk, ed25519Multibase } from '../credentials/multibase';
import { keyDocumentUrl } from '../credentials/open-badge-credential';
import { verifyCertificate } from '../issuing/certificate-issuing';
import { findLogo } from '../templates/template-store';

export const MAX_CHECKED_PDF_BYTES = 5 * 1024 * 1024;

/**
 * What anyone may ask without logging in (issue 17): is this certificate genuine, valid, revoked or expired — and is
 * this PDF the one issued; the public keys that sign certificates and credentials; the emblems drawn on them.
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(id: string, pdf?: Buffer): Promise<CertificateVerification> {
    const v = await verifyCertificate(this.db.manager, id, pdf);
    if (v.status === 'not_found' || !v.certificate)
      throw notFound(ErrorCode.CERTIFICATE_NOT_FOUND, 'Sertifikat dengan kode ini tidak terdaftar di Kompeten');
    return { status: v.status, pdfChecked: pdf !== undefined, certificate: v.certificate };
  }

  async verifyFile(id: string, file: { path: string; size: number } | undefined): Promise<CertificateVerification> {
    if (!file) throw invalid(ErrorCode.CERTIFICATE_NOT_A_PDF, 'Pilih berkas PDF sertifikat');
    const bytes = await readFile(file.path);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw invalid(ErrorCode.CERTIFICATE_NOT_A_PDF, 'Berkas ini bukan PDF');
    return this.verify(id, bytes);
  }

  async key(keyId: string): Promise<CertificateKeyDocument> {
    const key = /^[0-9a-f]{16}$/.test(keyId) ? await findKey(this.db.manager, keyId) : null;
    if (!key) throw notFound(ErrorCode.CERTIFICATE_KEY_NOT_FOUND, 'Kunci tidak ditemukan');
    return {
      '@context': ['https://w3id.org/security/multikey/v1'],
      id: keyDocumentUrl(this.config.publicUrl, key.keyId),
      type: 'Multikey',
      controller: this.config.publicUrl,
      publicKeyMultibase: ed25519Multibase(key.publicKeyPem),
      publicKeyJwk: ed25519Jwk(key.publicKeyPem),
      publicKeyPem: key.publicKeyPem,
      algorithm: 'Ed25519',
    };
  }

  async logo(sha256: string): Promise<{ bytes: Buffer; type: string }> {
    const logo = /^[0-9a-f]{64}$/.test(sha256) ? await findLogo(this.db.manager, sha256) : null;
    if (!logo) throw notFound(ErrorCode.CERTIFICATE_LOGO_NOT_FOUND, 'Logo tidak ditemukan');
    return logo;
  }
}
