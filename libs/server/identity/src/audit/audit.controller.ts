import { Controller, Get, Inject, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ErrorCode, type AuditEntry, type Page } from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  forbidden,
  listAuditLog,
  toPage,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { actorNames } from '../accounts/actor-names';
import { AuditEntryDto, AuditQueryDto } from '../dto/import.dto';

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('audit-logs')
export class AuditController {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Administrative writes (who, what, when, before/after) in the agencies the caller administers',
  })
  @ApiPageResponse(AuditEntryDto)
  async list(@CurrentPrincipal() p: Principal, @Query() q: AuditQueryDto): Promise<Page<AuditEntry>> {
    const scope = await this.org.scopeOf(p);
    if (!scope.global && scope.adminAgencyIds.size === 0)
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Log audit hanya untuk admin instansi');
    const { total, rows } = await listAuditLog(
      this.db.manager,
      {
        agencyIds: scope.global ? undefined : [...scope.adminAgencyIds],
        agencyId: q.agencyId,
        entityType: q.entityType,
        entityId: q.entityId,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const names = await actorNames(
      this.db.manager,
      rows.flatMap((r) => (r.actor_user_id ? [r.actor_user_id] : [])),
    );
    return toPage(
      rows.map((r): AuditEntry => ({
        id: r.id,
        actorUserId: r.actor_user_id,
        actorName: r.actor_user_id ? (names.get(r.actor_user_id) ?? null) : null,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        agencyId: r.agency_id,
        before: r.before,
        after: r.after,
        correlationId: r.correlation_id,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      total,
      q,
    );
  }
}
