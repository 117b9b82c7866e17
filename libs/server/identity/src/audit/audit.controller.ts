import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Language, Page } from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  csvStringifier,
  CurrentPrincipal,
  RequestLanguage,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { AuditEntryDto, AuditFilterDto, AuditQueryDto } from '../dto/import.dto';
import { AUDIT_EXPORT_LIMIT, AuditService } from './audit.service';

const SCOPE_NOTE =
  'Scope: the agencies the caller administers \u2014 entries filed under them and entries that touched their people ' +
  '(e.g. a province admin moving or granting a role to an ASN of the agency); every agency for a platform admin.';

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('audit-logs')
export class AuditController {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Administrative writes in words (who, what, which object, when) with the changed fields',
    description: `${SCOPE_NOTE} Filters: action, actor (name, NIP or email), from/to (local days of the caller's zone).`,
  })
  @ApiPageResponse(AuditEntryDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() q: AuditQueryDto,
    @RequestLanguage() lang: Language,
  ): Promise<Page<AuditEntry>> {
    return this.audit.list(await this.org.scopeOf(p), q, lang);
  }

  @Get('export.csv')
  @ApiOperation({
    summary: 'The filtered audit log as CSV (newest first, the same words as on screen)',
    description: `${SCOPE_NOTE} At most ${AUDIT_EXPORT_LIMIT} rows; narrow the dates for more.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async export(
    @CurrentPrincipal() p: Principal,
    @Query() q: AuditFilterDto,
    @RequestLanguage() lang: Language,
  ): Promise<StreamableFile> {
    const rows = this.audit.exportRows(await this.org.scopeOf(p), q, lang);
    // The first row (the header) is read before answering, so a refused filter answers 4xx, not a broken download.
    const first = await rows.next();
    const out = csvStringifier({ bom: true });
    (async () => {
      if (!first.done) out.write(first.value);
      for await (const r of rows) if (!out.write(r)) await new Promise((resolve) => out.once('drain', resolve));
      out.end();
    })().catch((e) => out.destroy(e));
    return new StreamableFile(out, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${lang === 'en' ? 'audit-log' : 'log-audit'}.csv"`,
    });
  }
}
