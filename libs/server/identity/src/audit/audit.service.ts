import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type AuditEntry, type Language, type Page } from '@kompeten/shared-contracts';
import { endOfLocalDay, instantOfLocal, parseCalendarDate, localDateTimeOf } from '@kompeten/shared-util';
import { forbidden, invalid, listAuditLog, toPage, type AuditLogFilter, type AuditLogRow } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { actorNames } from '../accounts/actor-names';
import { selectAccountIdsMatching } from '../accounts/account-store';
import { userTimeZone } from '../auth/user-time-zone';
import type { AuditFilterDto } from '../dto/import.dto';
import { actionLabel, auditChanges, describeAudit } from '@kompeten/shared-contracts';

/** How many rows one CSV export holds at most (newest first); the filters narrow a larger log. */
export const AUDIT_EXPORT_LIMIT = 20_000;

/**
 * The audit log as people read it: who did what to which object, in words, with the changed fields; filtered by
 * action, person and local dates; scoped to the agencies the caller administers, including entries that touched
 * their people when another agency's admin made them (issue 15).
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  private async filterOf(scope: AccessScope, q: AuditFilterDto): Promise<AuditLogFilter | null> {
    if (!scope.global && scope.adminAgencyIds.size === 0)
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Log audit hanya untuk admin instansi').en(
        'The audit log is for agency admins only.',
      );
    const zone = await userTimeZone(this.db, scope.principal.userId);
    const day = (value: string | undefined, name: string) => {
      if (!value) return undefined;
      const parsed = parseCalendarDate(value);
      if (!parsed)
        throw invalid(ErrorCode.VALIDATION_FAILED, `${name} bukan tanggal yang ada`).en(`${name} is not a real date`);
      return parsed;
    };
    const from = day(q.from, 'from');
    const to = day(q.to, 'to');
    const fromAt = from ? instantOfLocal(from, { h: 0, min: 0 }, zone) : undefined;
    const toAt = to && q.to ? new Date((endOfLocalDay(q.to, zone) as Date).getTime() + 1000) : undefined;
    if (fromAt && toAt && fromAt >= toAt)
      throw invalid(ErrorCode.VALIDATION_FAILED, 'Tanggal awal harus sebelum tanggal akhir').en(
        'The first day must not be after the last day',
      );
    let actorUserIds: string[] | undefined;
    if (q.actor) {
      actorUserIds = await selectAccountIdsMatching(this.db.manager, q.actor.trim(), 500);
      if (!actorUserIds.length) return null;
    }
    return {
      agencyIds: scope.global ? undefined : [...scope.adminAgencyIds],
      agencyId: q.agencyId,
      entityType: q.entityType,
      entityId: q.entityId,
      action: q.action,
      actorUserIds,
      from: fromAt,
      to: toAt,
    };
  }

  private async entries(rows: AuditLogRow[], lang: Language): Promise<AuditEntry[]> {
    const names = await actorNames(
      this.db.manager,
      rows.flatMap((r) => (r.actor_user_id ? [r.actor_user_id] : [])),
    );
    return rows.map((r): AuditEntry => {
      const actorName = r.actor_user_id ? (names.get(r.actor_user_id) ?? null) : null;
      return {
        id: r.id,
        summary: describeAudit(
          { action: r.action, entityType: r.entity_type, before: r.before, after: r.after, actorName },
          lang,
        ),
        changes: auditChanges(r.before, r.after),
        actorUserId: r.actor_user_id,
        actorName,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        agencyId: r.agency_id,
        touchedAgencyIds: r.touched_agency_ids ?? [],
        before: r.before,
        after: r.after,
        correlationId: r.correlation_id,
        createdAt: new Date(r.created_at).toISOString(),
      };
    });
  }

  async list(
    scope: AccessScope,
    q: AuditFilterDto & { page: number; pageSize: number },
    lang: Language,
  ): Promise<Page<AuditEntry>> {
    const filter = await this.filterOf(scope, q);
    if (!filter) return toPage([], 0, q);
    const { total, rows } = await listAuditLog(this.db.manager, filter, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(await this.entries(rows, lang), total, q);
  }

  /** The filtered log as CSV rows (header first): time in the caller's zone, person, action, summary, changes. */
  async *exportRows(scope: AccessScope, q: AuditFilterDto, lang: Language): AsyncGenerator<string[]> {
    const filter = await this.filterOf(scope, q);
    const zone = await userTimeZone(this.db, scope.principal.userId);
    yield lang === 'en'
      ? [`Time (${zone})`, 'Person', 'Action', 'Description', 'Changes', 'Object id', 'Correlation id']
      : [`Waktu (${zone})`, 'Pelaku', 'Tindakan', 'Uraian', 'Perubahan', 'Id objek', 'Id korelasi'];
    if (!filter) return;
    const pageSize = 1000;
    for (let offset = 0; offset < AUDIT_EXPORT_LIMIT; offset += pageSize) {
      const { rows } = await listAuditLog(this.db.manager, filter, { limit: pageSize, offset });
      for (const e of await this.entries(rows, lang)) {
        yield [
          localDateTimeOf(e.createdAt, zone),
          e.actorName ?? (lang === 'en' ? 'System' : 'Sistem'),
          actionLabel(e.action, lang),
          e.summary,
          e.changes.map((c) => `${c.field}: ${c.before ?? '–'} → ${c.after ?? '–'}`).join('; '),
          e.entityId ?? '',
          e.correlationId ?? '',
        ];
      }
      if (rows.length < pageSize) return;
    }
  }
}
