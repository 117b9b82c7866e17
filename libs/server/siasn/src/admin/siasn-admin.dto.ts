import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  SIASN_DIFFERENCE_KINDS,
  SIASN_DOCUMENT_STATUSES,
  SIASN_PUSH_STATUSES,
  type SiasnDifferenceKind,
  type SiasnDocumentStatus,
  type SiasnPushStatusName,
} from '@kompeten/shared-contracts';
import { PageQueryDto, PageMetaDto } from '@kompeten/server-core';

const PUSH_ID = '3f0c2d1e-8a7b-4c5d-9e6f-102938475601';
const AGENCY_ID = '5b2a1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export class PushListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SIASN_PUSH_STATUSES, example: 'parked' })
  @IsOptional()
  @IsIn(SIASN_PUSH_STATUSES, { message: `status harus salah satu dari: ${SIASN_PUSH_STATUSES.join(', ')}` })
  status?: SiasnPushStatusName;

  @ApiPropertyOptional({ description: 'NIP (prefix), name, course or certificate number', example: '198609' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'q maksimal 100 karakter' })
  q?: string;
}

export class SiasnPushItemDto {
  @ApiProperty({ example: PUSH_ID }) id: string;
  @ApiProperty({ example: '0e1d2c3b-4a59-4867-9a8b-7c6d5e4f3a21' }) employeeId: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ nullable: true, type: String, example: 'Hasan Basri, S.Kep.' }) name: string | null;
  @ApiProperty({ example: 'Pelayanan Publik Prima' }) course: string;
  @ApiProperty({ example: '800/0042/BPSDM/XII/2026' }) certificateNumber: string;
  @ApiProperty({ example: 20 }) jp: number;
  @ApiProperty({ enum: SIASN_PUSH_STATUSES, example: 'acknowledged' }) status: SiasnPushStatusName;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, example: 'NIP 198609262015051001 tidak ditemukan di SIASN' })
  lastError: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' })
  siasnRecordId: string | null;
  @ApiProperty({ nullable: true, enum: SIASN_DOCUMENT_STATUSES, example: 'uploaded' })
  documentStatus: SiasnDocumentStatus | null;
  @ApiProperty({ nullable: true, type: String, example: null }) documentError: string | null;
  @ApiProperty({ example: '2026-12-04T03:00:00.000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-04T03:00:02.000Z' }) acknowledgedAt: string | null;
}

export class SiasnCountsDto {
  @ApiProperty({ example: 3 }) pending: number;
  @ApiProperty({ example: 0 }) sent: number;
  @ApiProperty({ example: 120 }) acknowledged: number;
  @ApiProperty({ example: 1 }) failed: number;
  @ApiProperty({ example: 2 }) parked: number;
}

export class SiasnDocumentCountsDto {
  @ApiProperty({ example: 1 }) pending: number;
  @ApiProperty({ example: 118 }) uploaded: number;
  @ApiProperty({ example: 1 }) failed: number;
  @ApiProperty({ example: 0 }) parked: number;
}

export class SiasnSummaryDto {
  @ApiProperty({ type: SiasnCountsDto }) counts: SiasnCountsDto;
  @ApiProperty({ type: SiasnDocumentCountsDto, description: 'Certificate PDF uploads of acknowledged records' })
  documents: SiasnDocumentCountsDto;
}

export class ResendResultDto {
  @ApiProperty({ example: true }) requeued: boolean;
  @ApiProperty({
    enum: ['acknowledged', 'retry', 'parked', 'skipped', 'pending'],
    example: 'acknowledged',
    description: 'The outcome of the attempt made right away (pending: still running after 8 s)',
  })
  status: string;
}

export class ResendAllResultDto {
  @ApiProperty({ example: 3, description: 'Parked and failed pushes (and document uploads) sent again' })
  requeued: number;
}

export class SaveCredentialsDto {
  @ApiProperty({ example: 'https://apimws.bkn.go.id:8243/apisiasn/1.0' })
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  baseUrl: string;

  @ApiProperty({ example: 'https://apimws.bkn.go.id/oauth2/token' })
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  apimTokenUrl: string;

  @ApiProperty({ example: 'https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token' })
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  ssoTokenUrl: string;

  @ApiProperty({ example: 'bkpsdm-mataram' })
  @IsString()
  @MinLength(1, { message: 'ssoClientId wajib diisi' })
  @MaxLength(200)
  ssoClientId: string;

  @ApiProperty({ example: '199001012015011001' })
  @IsString()
  @MinLength(1, { message: 'ssoUsername wajib diisi' })
  @MaxLength(200)
  ssoUsername: string;

  @ApiPropertyOptional({ description: 'Write-only; empty keeps the stored one', example: 'kunci-apim' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  apimKey?: string;

  @ApiPropertyOptional({ description: 'Write-only; empty keeps the stored one', example: 'rahasia-apim' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  apimSecret?: string;

  @ApiPropertyOptional({ description: 'Write-only; empty keeps the stored one', example: 'kata-sandi' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  ssoPassword?: string;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled harus true atau false' })
  enabled?: boolean;
}

export class StoredCredentialsDto {
  @ApiProperty({ example: 'https://apimws.bkn.go.id:8243/apisiasn/1.0' }) baseUrl: string;
  @ApiProperty({ example: 'https://apimws.bkn.go.id/oauth2/token' }) apimTokenUrl: string;
  @ApiProperty({ example: 'https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token' })
  ssoTokenUrl: string;
  @ApiProperty({ example: 'bkpsdm-mataram' }) ssoClientId: string;
  @ApiProperty({ example: '199001012015011001' }) ssoUsername: string;
  @ApiProperty({ example: true }) apimKeySet: boolean;
  @ApiProperty({ example: true }) apimSecretSet: boolean;
  @ApiProperty({ example: true }) ssoPasswordSet: boolean;
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: '2026-12-04T03:00:00.000Z' }) updatedAt: string;
}

export class SiasnCredentialsViewDto {
  @ApiProperty({ example: AGENCY_ID }) agencyId: string;
  @ApiProperty({ enum: ['agency', 'install_default', 'none'], example: 'agency' })
  source: 'agency' | 'install_default' | 'none';
  @ApiProperty({ type: StoredCredentialsDto, nullable: true }) stored: StoredCredentialsDto | null;
  @ApiProperty({ example: true, description: 'False when the server has no SIASN_CREDENTIALS_KEY' }) canStore: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'A5EB03E23C3EF6A0E040640A040252AD' })
  instansiId: string | null;
}

export class SiasnConnectionTestDto {
  @ApiProperty({ example: true }) ok: boolean;
  @ApiProperty({ example: 'Token gateway (APIM) berhasil diambil. Token SSO berhasil diambil.' }) message: string;
  @ApiProperty({ example: true }) gatewayToken: boolean;
  @ApiProperty({ example: true }) ssoToken: boolean;
}

export class SiasnReconciliationRunDto {
  @ApiProperty({ example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d' }) id: string;
  @ApiProperty({ example: AGENCY_ID }) agencyId: string;
  @ApiProperty({ enum: ['requested', 'running', 'done', 'failed'], example: 'done' })
  status: 'requested' | 'running' | 'done' | 'failed';
  @ApiProperty({ example: '2026-12-04T03:00:00.000Z' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-04T03:00:09.000Z' }) finishedAt: string | null;
  @ApiProperty({ example: 120 }) checked: number;
  @ApiProperty({ example: 1 }) differences: number;
  @ApiProperty({ nullable: true, type: String, example: null }) error: string | null;
}

export class SiasnReconciliationItemDto {
  @ApiProperty({ example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) id: string;
  @ApiProperty({ example: PUSH_ID }) pushId: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ example: '800/0042/BPSDM/XII/2026' }) certificateNumber: string;
  @ApiProperty({ enum: SIASN_DIFFERENCE_KINDS, example: 'different' }) kind: SiasnDifferenceKind;
  @ApiProperty({ example: 'JP: dikirim 20, di SIASN 18' }) detail: string;
}

/** `total` counts the differences in the run. */
export class SiasnReconciliationReportDto extends PageMetaDto {
  @ApiProperty({ type: SiasnReconciliationRunDto, nullable: true, description: 'The latest finished run' })
  run: SiasnReconciliationRunDto | null;
  @ApiProperty({ type: [SiasnReconciliationItemDto] }) items: SiasnReconciliationItemDto[];
  @ApiProperty({ type: SiasnReconciliationRunDto, nullable: true, description: 'A run waiting or running now' })
  open: SiasnReconciliationRunDto | null;
}

export class SiasnOfficialIpAsnDto {
  @ApiProperty({ example: '0e1d2c3b-4a59-4867-9a8b-7c6d5e4f3a21' }) employeeId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { nilaiIpAsn: 78.5, tahun: 2025 },
  })
  score: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Number, example: 78.5 }) total: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-04T03:00:00.000Z' }) fetchedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) error: string | null;
}
