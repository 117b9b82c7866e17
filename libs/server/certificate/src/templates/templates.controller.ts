import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { CertificateLogoUploaded, CertificateTemplate } from '@kompeten/shared-contracts';
import { AcceptsUpload, ApiErrors, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  CertificateLogoUploadedDto,
  CertificateTemplateDto,
  CertificateTemplateFieldsDto,
  LogoUploadDto,
} from '../dto/certificate.dto';
import { TemplatesService } from './templates.service';

@ApiTags('certificates')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('certificate-templates/:agencyId')
export class TemplatesController {
  constructor(
    @Inject(TemplatesService) private readonly templates: TemplatesService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The agency’s certificate template (its admin, a province admin above it, or a platform admin)',
    description: 'Without a saved template the defaults derived from the agency are answered with isDefault true.',
  })
  @ApiOkResponse({ type: CertificateTemplateDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
  ): Promise<CertificateTemplate> {
    return this.templates.get(await this.org.scopeOf(p), agencyId);
  }

  @Put()
  @ApiOperation({
    summary: 'Save the agency’s template; every problem is answered at once (400 CERTIFICATE.INVALID_TEMPLATE)',
    description: 'Applies to certificates issued from now on; issued ones keep what they say.',
  })
  @ApiOkResponse({ type: CertificateTemplateDto })
  async save(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
    @Body() dto: CertificateTemplateFieldsDto,
  ): Promise<CertificateTemplate> {
    return this.templates.save(await this.org.scopeOf(p), agencyId, dto);
  }

  @Post('logo')
  @AcceptsUpload()
  @ApiOperation({ summary: 'Upload an emblem or logo (PNG or JPEG by content, at most 512 KB); answers its SHA-256' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: LogoUploadDto })
  @ApiCreatedResponse({ type: CertificateLogoUploadedDto })
  @ApiErrors(413)
  async logo(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<CertificateLogoUploaded> {
    return this.templates.uploadLogo(await this.org.scopeOf(p), agencyId, file);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'A draft template drawn as a PDF with a sample participant (nothing is saved)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The preview PDF', schema: { type: 'string', format: 'binary' } })
  async preview(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
    @Body() dto: CertificateTemplateFieldsDto,
  ): Promise<StreamableFile> {
    const bytes = await this.templates.preview(await this.org.scopeOf(p), agencyId, dto);
    return new StreamableFile(bytes, { type: 'application/pdf', length: bytes.length, disposition: 'inline' });
  }
}
