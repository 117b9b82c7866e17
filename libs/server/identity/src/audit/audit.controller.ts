import { displayName } from '@kompeten/shared-util';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ErrorCode, type AuditEntry, type Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, forbidden, toPage, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
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
  @ApiOperation({ summary: 'Administrative writes (who, what, when, before/after) in the agencies the caller administers' })
  @ApiPageResponse(AuditEntryDto)
  async list(@CurrentPrincipal() p: Principal, @Query() q: AuditQueryDto): Promise<Page<AuditEntry>> {
    const scope = await this.org.scopeOf(p);
    if (!scope.global && scope.adminAgencyIds.size === 0) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Log audit hanya untuk admin instansi');
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!scope.global) add('l.agency_id = ANY(?::uuid[])', [...scope.adminAgencyIds]);
    if (q.agencyId) add('l.agency_id = ?', q.agencyId);
    if (q.entityType) add('l.entity_type = ?', q.entityType);
    if (q.entityId) add('l.entity_id = ?', q.entityId);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_log l ${cond}`, params);
    const rows = await this.db.query(
      `SELECT l.*, e.full_name, e.front_title, e.back_title, ua.email AS actor_email FROM audit_log l
         LEFT JOIN user_account ua ON ua.id = l.actor_user_id LEFT JOIN employee e ON e.id = ua.employee_id
        ${cond} ORDER BY l.created_at DESC, l.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return toPage(
      rows.map((r: Record<string, unknown>) => ({
        id: r.id, actorUserId: r.actor_user_id, actorName: r.full_name ? displayName(r.full_name as string, r.front_title as string | null, r.back_title as string | null) : (r.actor_email ?? null), action: r.action, entityType: r.entity_type, entityId: r.entity_id,
        agencyId: r.agency_id, before: r.before, after: r.after, correlationId: r.correlation_id, createdAt: (r.created_at as Date).toISOString(),
      })) as AuditEntry[],
      total,
      q,
    );
  }
}
