import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CertificateSummary, Page } from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { CertificateQueryDto, CertificateSummaryDto, ReasonDto } from '../dto/certificate.dto';
import { CertificatesService } from './certificates.service';

const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

@ApiTags('certificates')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class CertificatesController {
  constructor(
    @Inject(CertificatesService) private readonly certificates: CertificatesService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('me/certificates')
  @ApiOperation({ summary: 'Sertifikat saya: my certificates, newest first (revoked ones too, marked)' })
  @ApiPageResponse(CertificateSummaryDto)
  async mine(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<CertificateSummary>> {
    return this.certificates.mine(await this.org.scopeOf(p), q);
  }

  @Get('certificates')
  @ApiOperation({
    summary: 'Certificates my agencies issued (agency, province or platform admin), newest first',
    description:
      'Filters: issuing agency (within my scope, else 403), course, period of issue (local dates), status, and name/NIP/number.',
  })
  @ApiPageResponse(CertificateSummaryDto)
  @ApiErrors(403)
  async list(@CurrentPrincipal() p: Principal, @Query() q: CertificateQueryDto): Promise<Page<CertificateSummary>> {
    return this.certificates.list(await this.org.scopeOf(p), q);
  }

  @Get('certificates/:id')
  @ApiOperation({ summary: 'One certificate (its holder, or an admin of the issuing agency; 404 for anyone else)' })
  @ApiOkResponse({ type: CertificateSummaryDto })
  @ApiErrors(404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<CertificateSummary> {
    return this.certificates.get(await this.org.scopeOf(p), id);
  }

  @Get('certificates/:id/pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The certificate PDF (re-rendered from the signed content: the same bytes as issued)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async pdf(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<StreamableFile> {
    const { bytes, fileName } = await this.certificates.pdf(await this.org.scopeOf(p), id);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: attachment(fileName),
    });
  }

  @Get('certificates/:id/credential')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'The certificate as an Open Badges 3.0 OpenBadgeCredential (W3C VC, DataIntegrityProof eddsa-jcs-2022)',
    description: 'The proof’s verificationMethod is the public key document at /api/public/certificate-keys/{keyId}.',
  })
  @ApiProduces('application/vc+ld+json', 'application/json')
  @ApiOkResponse({ description: 'The signed credential, as an attachment', schema: { type: 'object' } })
  @ApiErrors(404)
  async credential(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<StreamableFile> {
    const { credential, fileName } = await this.certificates.credential(await this.org.scopeOf(p), id);
    const bytes = Buffer.from(JSON.stringify(credential, null, 2));
    return new StreamableFile(bytes, {
      type: 'application/json',
      length: bytes.length,
      disposition: attachment(fileName),
    });
  }

  @Post('certificates/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke with a reason (admin of the issuing agency); its number stays revoked' })
  @ApiOkResponse({ type: CertificateSummaryDto })
  @ApiErrors(403, 404, 409)
  async revoke(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: ReasonDto,
  ): Promise<CertificateSummary> {
    return this.certificates.revoke(await this.org.scopeOf(p), id, dto.reason);
  }

  @Post('certificates/:id/reissue')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Re-issue: revoke (if still valid) and issue a new certificate with a new number from the data as it is now',
    description: 'Answers the new certificate (replacesId names the old one). A certificate already replaced is 409.',
  })
  @ApiOkResponse({ type: CertificateSummaryDto })
  @ApiErrors(403, 404, 409)
  async reissue(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: ReasonDto,
  ): Promise<CertificateSummary> {
    return this.certificates.reissue(await this.org.scopeOf(p), id, dto.reason);
  }
}
