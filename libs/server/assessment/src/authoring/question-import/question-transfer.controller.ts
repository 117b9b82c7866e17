import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
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
import type { Response } from 'express';
import type { QuestionImportReport } from '@kompeten/shared-contracts';
import { AcceptsUpload, ApiErrors, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { reportLanguage } from './messages';
import {
  QuestionExportQueryDto,
  QuestionImportQueryDto,
  QuestionImportReportDto,
  QuestionImportUploadDto,
  QuestionTemplateQueryDto,
} from './question-transfer.dto';
import { QuestionTransferService, type ExportFile, type UploadedFile as Upload } from './question-transfer.service';

const IMPORT_DOC =
  'Formats (docs/question-import.md): GIFT (Moodle: =/~ choices, ~%50% multiple answers, {T}/{F}, {=a =b} short answers, {#3.14:0.01} numbers, {=a -> b} matching, {} essays, $CATEGORY, comments, escapes), Aiken (single-answer multiple choice), CSV or XLSX in the documented layout (GET /api/question-imports/template). ' +
  'Every question is checked against the bank\u2019s rules; the report gives each one\u2019s line, status and reason. Questions already in the bank are skipped as duplicates unless includeDuplicates=true, so sending the same file again creates nothing twice.';

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

function send(res: Response, file: ExportFile): StreamableFile {
  res.setHeader('X-Questions-Exported', String(file.written));
  res.setHeader('X-Questions-Skipped', String(file.skipped));
  const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  return new StreamableFile(body, {
    type: file.contentType,
    length: body.length,
    disposition: `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

/** Importing questions into a course's bank and exporting it: its authors and the admins of its agency; 404 to others. */
@ApiTags('assessment: question import and export')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class QuestionTransferController {
  constructor(
    @Inject(QuestionTransferService) private readonly transfer: QuestionTransferService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('courses/:courseId/question-imports/preview')
  @HttpCode(200)
  @AcceptsUpload()
  @ApiOperation({
    summary: 'Preview an import: read and check every question of the file, write nothing, report each one',
    description: IMPORT_DOC,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: QuestionImportUploadDto })
  @ApiOkResponse({ type: QuestionImportReportDto })
  @ApiErrors(404, 413)
  async preview(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: QuestionImportQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @UploadedFile() file?: Upload,
  ): Promise<QuestionImportReport> {
    return this.run(p, courseId, q, acceptLanguage, file, true);
  }

  @Post('courses/:courseId/question-imports')
  @AcceptsUpload()
  @ApiOperation({
    summary: 'Import the questions of a file into the bank (all accepted ones in one transaction) and report each one',
    description: IMPORT_DOC,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: QuestionImportUploadDto })
  @ApiCreatedResponse({ type: QuestionImportReportDto })
  @ApiErrors(404, 413)
  async commit(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: QuestionImportQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @UploadedFile() file?: Upload,
  ): Promise<QuestionImportReport> {
    return this.run(p, courseId, q, acceptLanguage, file, false);
  }

  private async run(
    p: Principal,
    courseId: string,
    q: QuestionImportQueryDto,
    acceptLanguage: string | undefined,
    file: Upload | undefined,
    dryRun: boolean,
  ): Promise<QuestionImportReport> {
    return this.transfer.import(await this.org.scopeOf(p), courseId, file, {
      format: q.format,
      dryRun,
      categoryId: q.categoryId ?? null,
      useFileCategories: q.useFileCategories ?? false,
      includeDuplicates: q.includeDuplicates ?? false,
      lang: reportLanguage(q.lang, acceptLanguage),
    });
  }

  @Get('courses/:courseId/questions/export')
  @ApiOperation({
    summary: 'Download the bank (or one category) as GIFT, Aiken, CSV or XLSX',
    description:
      'Archived questions are left out. A format that cannot hold a kind skips those questions (GIFT: ordering; Aiken: all but single-answer multiple choice); X-Questions-Exported and X-Questions-Skipped give the counts.',
  })
  @ApiProduces('text/plain', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async export(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: QuestionExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.transfer.export(await this.org.scopeOf(p), courseId, q.format, q.categoryId));
  }

  @Get('question-imports/template')
  @ApiOperation({
    summary: 'The spreadsheet template for importing questions: every column, one fictional example of each kind',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(
    @Query() q: QuestionTemplateQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.transfer.template(q.format));
  }
}
