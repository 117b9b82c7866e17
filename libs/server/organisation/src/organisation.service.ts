import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ErrorCode, type Agency, type Page, type WorkUnit } from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, recordAudit, toPage, type Principal } from '@kompeten/server-core';
import { AccessScope, resolveScope } from './access-scope';
import type {
  AgencyQueryDto,
  CreateAgencyDto,
  CreateWorkUnitDto,
  UnitQueryDto,
  UpdateAgencyDto,
  UpdateWorkUnitDto,
} from './dto/organisation.dto';
import { AgencyEntity } from './entities/agency.entity';
import { WorkUnitEntity } from './entities/work-unit.entity';
import { agencyPage, newUnitId, unitCodeTaken, unitPage } from './organisation-store';
import { AgencyTree } from './tree/agency-tree';

export function toAgency(a: AgencyEntity): Agency {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    level: a.level,
    parentId: a.parentId,
    timeZone: a.timeZone,
    hrBodyName: a.hrBodyName,
    siasnInstansiId: a.siasnInstansiId,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toWorkUnit(u: WorkUnitEntity): WorkUnit {
  return {
    id: u.id,
    agencyId: u.agencyId,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    depth: u.depth,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly tree: AgencyTree,
  ) {}

  // ---- scope -------------------------------------------------------------------------------

  /** The caller's scope, from its claims and the (small, cached) agency tree. */
  async scopeOf(principal: Principal): Promise<AccessScope> {
    const unitIds = principal.roles.map((r) => r.unitId).filter((u): u is string => !!u);
    const paths = new Map<string, string>();
    if (unitIds.length) {
      const units = await this.db
        .getRepository(WorkUnitEntity)
        .find({ where: { id: In(unitIds) }, select: { id: true, path: true } });
      for (const u of units) paths.set(u.id, u.path);
    }
    return resolveScope(principal, (await this.tree.current()).nodes, paths);
  }

  // ---- agencies ----------------------------------------------------------------------------

  async listAgencies(scope: AccessScope, q: AgencyQueryDto): Promise<Page<Agency>> {
    // Below a platform admin: the agencies the caller administers, belongs to or holds an HR scope in.
    const ids = scope.global
      ? undefined
      : [...new Set([...scope.adminAgencyIds, ...scope.memberAgencyIds, ...scope.hrUnitScopes.map((s) => s.agencyId)])];
    const [rows, total] = await agencyPage(
      this.db,
      { ids, q: q.q, level: q.level, parentId: q.parentId },
      { skip: (q.page - 1) * q.pageSize, take: q.pageSize },
    );
    return toPage(rows.map(toAgency), total, q);
  }

  async getAgency(scope: AccessScope, id: string): Promise<Agency> {
    return toAgency(await this.findReadableAgency(scope, id));
  }

  async findReadableAgency(
    scope: AccessScope,
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<AgencyEntity> {
    const a = scope.canReadAgency(id) ? await manager.getRepository(AgencyEntity).findOneBy({ id }) : null;
    if (!a) throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
    return a;
  }

  async createAgency(scope: AccessScope, dto: CreateAgencyDto): Promise<Agency> {
    if (dto.parentId ? !scope.canCreateAgencyUnder(dto.parentId) : !scope.global) {
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang menambah instansi di bawah induk ini');
    }
    if (dto.level !== 'nasional' && !dto.parentId)
      throw invalid(ErrorCode.ORG_INVALID_PARENT, 'Instansi provinsi/kabupaten/kota harus punya induk (parentId)');
    const saved = await this.db.transaction(async (m) => {
      if (dto.parentId) {
        const parent = await m.getRepository(AgencyEntity).findOneBy({ id: dto.parentId });
        if (!parent) throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi induk tidak ditemukan');
      }
      const entity = m.getRepository(AgencyEntity).create({
        ...dto,
        parentId: dto.parentId ?? null,
        hrBodyName: dto.hrBodyName ?? null,
        siasnInstansiId: dto.siasnInstansiId?.toUpperCase() ?? null,
      });
      try {
        await m.getRepository(AgencyEntity).insert(entity);
      } catch (e) {
        if (isUniqueViolation(e))
          throw conflict(ErrorCode.ORG_DUPLICATE_CODE, `Kode instansi "${dto.code}" sudah dipakai`);
        throw e;
      }
      const row = await m.getRepository(AgencyEntity).findOneByOrFail({ id: entity.id });
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        { action: 'agency.create', entityType: 'agency', entityId: row.id, agencyId: row.id, after: toAgency(row) },
      );
      return row;
    });
    this.tree.invalidate();
    return toAgency(saved);
  }

  async updateAgency(scope: AccessScope, id: string, dto: UpdateAgencyDto): Promise<Agency> {
    const updated = await this.db.transaction(async (m) => {
      const before = await this.findReadableAgency(scope, id, m);
      if (!scope.canAdministerAgency(id))
        throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang mengubah instansi ini');
      const changes = {
        ...dto,
        ...(dto.siasnInstansiId ? { siasnInstansiId: dto.siasnInstansiId.toUpperCase() } : {}),
      };
      await m.getRepository(AgencyEntity).update({ id }, changes);
      const after = await m.getRepository(AgencyEntity).findOneByOrFail({ id });
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'agency.update',
          entityType: 'agency',
          entityId: id,
          agencyId: id,
          before: toAgency(before),
          after: toAgency(after),
        },
      );
      return toAgency(after);
    });
    // The time zone may have changed: reports and "me" read it from the tree.
    this.tree.invalidate();
    return updated;
  }

  // ---- work units --------------------------------------------------------------------------

  async listUnits(scope: AccessScope, agencyId: string, q: UnitQueryDto): Promise<Page<WorkUnit>> {
    await this.findReadableAgency(scope, agencyId);
    const [rows, total] = await unitPage(
      this.db,
      agencyId,
      { parentId: q.parentId, q: q.q },
      { skip: (q.page - 1) * q.pageSize, take: q.pageSize },
    );
    return toPage(rows.map(toWorkUnit), total, q);
  }

  async getUnit(scope: AccessScope, id: string): Promise<WorkUnit> {
    return toWorkUnit(await this.findReadableUnit(scope, id));
  }

  async findReadableUnit(
    scope: AccessScope,
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<WorkUnitEntity> {
    const u = await manager.getRepository(WorkUnitEntity).findOneBy({ id });
    if (!u || !scope.canReadAgency(u.agencyId))
      throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan');
    return u;
  }

  async createUnit(scope: AccessScope, agencyId: string, dto: CreateWorkUnitDto): Promise<WorkUnit> {
    await this.findReadableAgency(scope, agencyId);
    if (!scope.canAdministerAgency(agencyId))
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang menambah unit kerja di instansi ini');
    return this.db.transaction(async (m) => {
      let path = '/';
      let depth = 0;
      if (dto.parentId) {
        const parent = await m.getRepository(WorkUnitEntity).findOneBy({ id: dto.parentId, agencyId });
        if (!parent) throw invalid(ErrorCode.ORG_INVALID_PARENT, 'Unit induk tidak ditemukan di instansi ini');
        path = parent.path;
        depth = parent.depth + 1;
      }
      const repo = m.getRepository(WorkUnitEntity);
      if (await unitCodeTaken(m, agencyId, dto.code))
        throw conflict(ErrorCode.ORG_DUPLICATE_CODE, `Kode unit "${dto.code}" sudah dipakai di instansi ini`);
      const entity = repo.create({
        agencyId,
        parentId: dto.parentId ?? null,
        code: dto.code,
        name: dto.name,
        depth,
        path: '',
      });
      entity.id = await newUnitId(m);
      entity.path = `${path}${entity.id}/`;
      try {
        await repo.insert(entity);
      } catch (e) {
        if (isUniqueViolation(e))
          throw conflict(ErrorCode.ORG_DUPLICATE_CODE, `Kode unit "${dto.code}" sudah dipakai di instansi ini`);
        throw e;
      }
      const row = await repo.findOneByOrFail({ id: entity.id });
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        { action: 'work_unit.create', entityType: 'work_unit', entityId: row.id, agencyId, after: toWorkUnit(row) },
      );
      return toWorkUnit(row);
    });
  }

  async updateUnit(scope: AccessScope, id: string, dto: UpdateWorkUnitDto): Promise<WorkUnit> {
    return this.db.transaction(async (m) => {
      const before = await this.findReadableUnit(scope, id, m);
      if (!scope.canAdministerAgency(before.agencyId))
        throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Anda tidak berwenang mengubah unit kerja ini');
      await m.getRepository(WorkUnitEntity).update({ id }, dto);
      const after = await m.getRepository(WorkUnitEntity).findOneByOrFail({ id });
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'work_unit.update',
          entityType: 'work_unit',
          entityId: id,
          agencyId: after.agencyId,
          before: toWorkUnit(before),
          after: toWorkUnit(after),
        },
      );
      return toWorkUnit(after);
    });
  }
}
