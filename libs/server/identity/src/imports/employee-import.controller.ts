import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { EmployeeImport, ImportEntry, Language, Page } from '@kompeten/shared-contracts';
import {
  AcceptsUpload,
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  Public,
  RequestLanguage,
  uuidParam,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  EmployeeImportDto,
  ImportCreateQueryDto,
  ImportEntryDto,
  ImportEntryQueryDto,
  ImportReportQueryDto,
  ImportUploadDto,
} from '../dto/import.dto';
import { IMPORT_COLUMNS, TEMPLATE_CSV } from './import-columns';
import { EmployeeImportService } from './employee-import.service';

const COLUMN_DOC = IMPORT_COLUMNS.map((c) => `\`${c.header}\`${c.required ? ' (required)' : ''}: ${c.doc}`).join('; ');

// Bearer auth is declared per route: the template is public, and a class-level declaration cannot be lifted for one method.
@ApiTags('employee-imports')
@Controller()
export class EmployeeImportController {
  constructor(
    @Inject(EmployeeImportService) private readonly imports: EmployeeImportService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('agencies/:agencyId/employee-imports')
  @ApiBearerAuth()
  @ApiErrors(400, 401)
  @HttpCode(202)
  @AcceptsUpload()
  @ApiOperation({
    summary: 'Upload a CSV of ASN; upserts by NIP in the background and reports every bad row',
    description: `Columns (header row, comma or semicolon separated): ${COLUMN_DOC}. Rows are matched by NIP: new NIPs are added, changed ones updated, identical ones left alone, so uploading the same file twice changes nothing. Poll GET /api/employee-imports/{id}, or pass ?wait=true.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiAcceptedResponse({ type: EmployeeImportDto })
  @ApiErrors(403, 404, 413)
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuidParam()) agencyId: string,
    @Query() q: ImportCreateQueryDto,
    @RequestLanguage() lang: Language,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<EmployeeImport> {
    const scope = await this.org.scopeOf(p);
    const imp = await this.imports.create(scope, agencyId, file, lang);
    return q.wait === 'true' ? this.imports.waitFor(scope, imp.id, 120_000, lang) : imp;
  }

  @Get('agencies/:agencyId/employee-imports')
  @ApiBearerAuth()
  @ApiErrors(400, 401)
  @ApiOperation({ summary: 'Past imports of an agency, newest first' })
  @ApiPageResponse(EmployeeImportDto)
  @ApiErrors(404)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuidParam()) agencyId: string,
    @Query() q: PageQueryDto,
    @RequestLanguage() lang: Language,
  ): Promise<Page<EmployeeImport>> {
    return this.imports.list(await this.org.scopeOf(p), agencyId, q, lang);
  }

  @Public()
  @Get('employee-imports/template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="template-impor-asn.csv"')
  @ApiOperation({ summary: 'An example CSV with every column' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  template(): string {
    return TEMPLATE_CSV;
  }

  @Get('employee-imports/:id')
  @ApiBearerAuth()
  @ApiErrors(400, 401)
  @ApiOperation({ summary: 'Progress and per-row report of an import' })
  @ApiOkResponse({ type: EmployeeImportDto })
  @ApiErrors(404)
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
    @RequestLanguage() lang: Language,
  ): Promise<EmployeeImport> {
    return this.imports.get(await this.org.scopeOf(p), id, lang);
  }

  @Get('employee-imports/:id/entries')
  @ApiBearerAuth()
  @ApiErrors(400, 401)
  @ApiOperation({
    summary:
      'Every line of an import with its outcome (created, updated with the changed columns, unchanged, refused with the reason, warnings), by line',
  })
  @ApiPageResponse(ImportEntryDto)
  @ApiErrors(404)
  async entries(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
    @Query() q: ImportEntryQueryDto,
    @RequestLanguage() lang: Language,
  ): Promise<Page<ImportEntry>> {
    return this.imports.entries(await this.org.scopeOf(p), id, q.filter ?? 'problems', q, lang);
  }

  @Get('employee-imports/:id/failed-rows.csv')
  @ApiBearerAuth()
  @ApiErrors(400, 401)
  @ApiOperation({
    summary: 'Download the refused rows as uploaded, with an `alasan` (reason) column, to fix and upload again',
    description:
      'The file keeps its own header and cells; the importer ignores the `alasan` column on re-upload. 409 while the import runs.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404, 409)
  async failedRows(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
    @RequestLanguage() lang: Language,
  ): Promise<StreamableFile> {
    const file = await this.imports.failedRows(await this.org.scopeOf(p), id, lang);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Get('employee-imports/:id/report')
  @ApiBearerAuth()
  @ApiErrors(400, 401)
  @ApiOperation({
    summary:
      'Download the import report: every refused row and warning (or every line with filter=all), as CSV or XLSX',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async report(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
    @Query() q: ImportReportQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.imports.report(await this.org.scopeOf(p), id, q.format ?? 'csv', q.filter ?? 'problems');
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
