import { Controller, Get, Header, HttpCode, Inject, Param, Post, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CertificateKeyDocument, CertificateVerification } from '@kompeten/shared-contracts';
import { AcceptsUpload, ApiErrors, Public, uuidParam as uuid } from '@kompeten/server-core';
import { CertificateKeyDocumentDto, CertificateVerificationDto, PdfUploadDto } from '../dto/certificate.dto';
import { VerificationService } from './verification.service';

/** No login: what the QR code's page, and anyone holding a certificate or its credential, may check. */
@ApiTags('public')
@Public()
@ApiErrors(404)
@Controller('public')
export class PublicCertificatesController {
  constructor(@Inject(VerificationService) private readonly verification: VerificationService) {}

  @Get('certificates/:id')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Verify a certificate: genuine, valid, revoked or expired; only name, masked NIP, training, dates and JP',
    description: 'status is tampered when the stored record no longer matches its signature. Unknown id: 404 in words.',
  })
  @ApiOkResponse({ type: CertificateVerificationDto })
  verify(@Param('id', uuid()) id: string): Promise<CertificateVerification> {
    return this.verification.verify(id);
  }

  @Post('certificates/:id/check')
  @HttpCode(200)
  @AcceptsUpload()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Periksa berkas PDF: is this PDF the certificate as issued (tampered otherwise)? The file is not kept.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: PdfUploadDto })
  @ApiOkResponse({ type: CertificateVerificationDto })
  @ApiErrors(400, 413)
  check(@Param('id', uuid()) id: string, @UploadedFile() file?: Express.Multer.File): Promise<CertificateVerification> {
    return this.verification.verifyFile(id, file);
  }

  @Get('certificate-keys/:keyId')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'A certificate signing key (Ed25519) as Multikey with JWK and PEM: the verificationMethod of credentials',
  })
  @ApiOkResponse({ type: CertificateKeyDocumentDto })
  key(@Param('keyId') keyId: string): Promise<CertificateKeyDocument> {
    return this.verification.key(keyId);
  }

  @Get('certificate-logos/:sha256')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  @ApiOperation({ summary: 'An emblem drawn on certificates, by the SHA-256 of its bytes (never changes)' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  async logo(@Param('sha256') sha256: string): Promise<StreamableFile> {
    const logo = await this.verification.logo(sha256);
    return new StreamableFile(logo.bytes, { type: logo.type, length: logo.bytes.length });
  }
}
