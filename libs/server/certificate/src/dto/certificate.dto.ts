import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type {
  CertificateKeyDocument,
  CertificateLogoUploaded,
  CertificateStatus,
  CertificateSummary,
  CertificateTemplate,
  CertificateTemplateFields,
  CertificateVerification,
  CertificateVerificationStatus,
} from '@kompeten/shared-contracts';
import { IsCalendarDate, PageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankToNull = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : typeof value === 'string' && value.trim() === '' ? null : trim({ value });
const UUID_EXAMPLE = '4f1c2a9e-7d3b-4c55-9a0e-0f3a6b1d2c11';

/**
 * The template's fields as sent by the form. Each is only type-checked here; `templateProblems` checks lengths,
 * the pattern and the NIP and answers every problem at once in Indonesian.
 */
export class CertificateTemplateFieldsDto implements CertificateTemplateFields {
  @ApiProperty({ example: 'SURAT TANDA TAMAT PELATIHAN', maxLength: 80 })
  @Transform(trim)
  @IsString({ message: 'judul harus teks' })
  title: string;

  @ApiProperty({ example: 'diberikan kepada', maxLength: 80 })
  @Transform(trim)
  @IsString({ message: 'kalimat sebelum nama harus teks' })
  awardedTo: string;

  @ApiProperty({ example: 'telah mengikuti', maxLength: 80 })
  @Transform(trim)
  @IsString({ message: 'kalimat sebelum nama pelatihan harus teks' })
  completed: string;

  @ApiProperty({ example: 'yang diselenggarakan secara daring', nullable: true, type: String, maxLength: 200 })
  @Transform(blankToNull)
  @IsOptional()
  @IsString({ message: 'kalimat penutup harus teks' })
  closing: string | null = null;

  @ApiProperty({ example: 'Mataram', maxLength: 60 })
  @Transform(trim)
  @IsString({ message: 'tempat penerbitan harus teks' })
  city: string;

  @ApiProperty({ example: 'Dr. H. Lalu Gita Ariadi, M.Si.', maxLength: 120 })
  @Transform(trim)
  @IsString({ message: 'nama penanda tangan harus teks' })
  signatoryName: string;

  @ApiProperty({ example: 'Kepala BPSDM Provinsi Nusa Tenggara Barat', maxLength: 160 })
  @Transform(trim)
  @IsString({ message: 'jabatan penanda tangan harus teks' })
  signatoryPosition: string;

  @ApiProperty({ example: '196903101990031005', nullable: true, type: String })
  @Transform(blankToNull)
  @IsOptional()
  @IsString({ message: 'NIP penanda tangan harus teks' })
  signatoryNip: string | null = null;

  @ApiProperty({
    example: '800/{seq:0000}/{kode}/{tahun}',
    description: 'Tokens {seq} {seq:0000} {kode} {unit} {bulanRomawi} {tahun}',
  })
  @Transform(trim)
  @IsString({ message: 'pola nomor harus teks' })
  pattern: string;

  @ApiProperty({ example: 'BPSDM', maxLength: 40 })
  @Transform(trim)
  @IsString({ message: 'kode harus teks' })
  kode: string;

  @ApiProperty({ example: 'PKM', maxLength: 40 })
  @Transform(trim)
  @IsString({ message: 'kode unit harus teks' })
  unit: string;

  @ApiProperty({
    example: 24,
    nullable: true,
    type: Number,
    description: 'Months valid after issue; null: never expires',
  })
  @IsOptional()
  @IsInt({ message: 'masa berlaku harus bilangan bulat (bulan)' })
  validityMonths: number | null = null;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'SHA-256 of an uploaded logo, or null' })
  @Transform(blankToNull)
  @IsOptional()
  @IsString()
  @MaxLength(64)
  logoSha256: string | null = null;
}

export class CertificateTemplateDto extends CertificateTemplateFieldsDto implements CertificateTemplate {
  @ApiProperty({ example: UUID_EXAMPLE }) agencyId: string;
  @ApiProperty({ example: 'Pemerintah Provinsi Nusa Tenggara Barat' }) agencyName: string;
  @ApiProperty({ example: false }) isDefault: boolean;
  @ApiProperty({ example: '800/0001/BPSDM/2026' }) sampleNumber: string;
  @ApiProperty({ example: '2026-12-04T02:00:00.000Z', nullable: true, type: String }) updatedAt: string | null;
}

export class CertificateLogoUploadedDto implements CertificateLogoUploaded {
  @ApiProperty({ example: 'a3f1…', description: 'SHA-256 (hex) of the logo bytes' }) logoSha256: string;
  @ApiProperty({ example: 'image/png', enum: ['image/png', 'image/jpeg'] }) mediaType: 'image/png' | 'image/jpeg';
  @ApiProperty({ example: 20480 }) byteSize: number;
}

export class LogoUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PNG or JPEG, at most 512 KB (checked by content)' })
  file: unknown;
}

export class PdfUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The certificate PDF to check, at most 5 MB' })
  file: unknown;
}

export class CertificateSummaryDto implements CertificateSummary {
  @ApiProperty({ example: UUID_EXAMPLE }) id: string;
  @ApiProperty({ example: '800/0007/BPSDM/2026' }) number: string;
  @ApiProperty({ example: 'valid', enum: ['valid', 'revoked'] }) status: CertificateStatus;
  @ApiProperty({ example: false }) expired: boolean;
  @ApiProperty({ example: 'dr. Hasan Basri, M.Kes.' }) participantName: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ example: 'Pelayanan Publik Prima' }) trainingName: string;
  @ApiProperty({ example: '2026-12-01' }) startDate: string;
  @ApiProperty({ example: '2026-12-04' }) endDate: string;
  @ApiProperty({ example: 20 }) jp: number;
  @ApiProperty({ example: UUID_EXAMPLE }) issuerAgencyId: string;
  @ApiProperty({ example: 'Pemerintah Provinsi Nusa Tenggara Barat' }) issuerAgency: string;
  @ApiProperty({ example: UUID_EXAMPLE, nullable: true, type: String }) courseId: string | null;
  @ApiProperty({ example: '2026-12-04' }) issuedOn: string;
  @ApiProperty({ example: null, nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) revokedReason: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) replacesId: string | null;
  @ApiProperty({ example: `https://kompeten.ntbprov.go.id/verifikasi/${UUID_EXAMPLE}` }) verifyUrl: string;
}

export class CertificateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: UUID_EXAMPLE, description: 'Issuing agency (within the caller’s scope)' })
  @IsOptional()
  @IsUUID('4', { message: 'agencyId harus UUID' })
  agencyId?: string;

  @ApiPropertyOptional({ example: UUID_EXAMPLE })
  @IsOptional()
  @IsUUID('4', { message: 'courseId harus UUID' })
  courseId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Issued on or after (local date)' })
  @IsOptional()
  @IsCalendarDate('from')
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Issued on or before (local date)' })
  @IsOptional()
  @IsCalendarDate('to')
  to?: string;

  @ApiPropertyOptional({ enum: ['valid', 'revoked'] })
  @IsOptional()
  @IsIn(['valid', 'revoked'], { message: 'status harus valid atau revoked' })
  status?: CertificateStatus;

  @ApiPropertyOptional({ example: 'hasan', description: 'Name, NIP or number', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Gelar peserta salah tulis', minLength: 3, maxLength: 500 })
  @Transform(trim)
  @IsString({ message: 'alasan harus teks' })
  @MinLength(3, { message: 'alasan minimal 3 karakter' })
  @MaxLength(500, { message: 'alasan maksimal 500 karakter' })
  reason: string;
}

class VerifiedCertificateDto {
  @ApiProperty({ example: '800/0007/BPSDM/2026' }) number: string;
  @ApiProperty({ example: 'dr. Hasan Basri, M.Kes.' }) name: string;
  @ApiProperty({ example: '198609******051001' }) nip: string;
  @ApiProperty({ example: 'Pelayanan Publik Prima' }) training: string;
  @ApiProperty({ example: '2026-12-01' }) startDate: string;
  @ApiProperty({ example: '2026-12-04' }) endDate: string;
  @ApiProperty({ example: 20 }) jp: number;
  @ApiProperty({ example: 'Pemerintah Provinsi Nusa Tenggara Barat' }) issuer: string;
  @ApiProperty({ example: '2026-12-04' }) issuedOn: string;
  @ApiProperty({ example: null, nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) revokedReason: string | null;
}

export class CertificateVerificationDto implements CertificateVerification {
  @ApiProperty({ example: 'valid', enum: ['valid', 'revoked', 'expired', 'tampered', 'not_found'] })
  status: CertificateVerificationStatus;
  @ApiProperty({ example: false }) pdfChecked: boolean;
  @ApiProperty({ type: VerifiedCertificateDto, nullable: true }) certificate: VerifiedCertificateDto | null;
}

class JwkDto {
  @ApiProperty({ example: 'OKP' }) kty: 'OKP';
  @ApiProperty({ example: 'Ed25519' }) crv: 'Ed25519';
  @ApiProperty({ example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) x: string;
}

export class CertificateKeyDocumentDto implements CertificateKeyDocument {
  @ApiProperty({ example: ['https://w3id.org/security/multikey/v1'] }) '@context': string[];
  @ApiProperty({ example: 'https://kompeten.ntbprov.go.id/api/public/certificate-keys/3f2a9c1d4e5b6a70' }) id: string;
  @ApiProperty({ example: 'Multikey' }) type: 'Multikey';
  @ApiProperty({ example: 'https://kompeten.ntbprov.go.id' }) controller: string;
  @ApiProperty({ example: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2' }) publicKeyMultibase: string;
  @ApiProperty({ type: JwkDto }) publicKeyJwk: JwkDto;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n' }) publicKeyPem: string;
  @ApiProperty({ example: 'Ed25519' }) algorithm: 'Ed25519';
}
