import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Agency, Page, WorkUnit } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import {
  AgencyDto,
  AgencyQueryDto,
  CreateAgencyDto,
  CreateWorkUnitDto,
  UnitQueryDto,
  UpdateAgencyDto,
  UpdateWorkUnitDto,
  WorkUnitDto,
} from './dto/organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class OrganisationController {
  constructor(@Inject(OrganisationService) private readonly org: OrganisationService) {}

  @Get('agencies')
  @ApiOperation({
    summary: 'Agencies the caller may see (a province admin sees its province and its regencies/cities)',
  })
  @ApiPageResponse(AgencyDto)
  async listAgencies(@CurrentPrincipal() p: Principal, @Query() q: AgencyQueryDto): Promise<Page<Agency>> {
    return this.org.listAgencies(await this.org.scopeOf(p), q);
  }

  @Get('agencies/:id')
  @ApiOperation({ summary: 'One agency' })
  @ApiOkResponse({ type: AgencyDto })
  @ApiErrors(404)
  async getAgency(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<Agency> {
    return this.org.getAgency(await this.org.scopeOf(p), id);
  }

  @Post('agencies')
  @ApiOperation({ summary: 'Create an agency (platform admin; a province admin under its province)' })
  @ApiCreatedResponse({ type: AgencyDto })
  @ApiErrors(403, 404, 409)
  async createAgency(@CurrentPrincipal() p: Principal, @Body() dto: CreateAgencyDto): Promise<Agency> {
    return this.org.createAgency(await this.org.scopeOf(p), dto);
  }

  @Patch('agencies/:id')
  @ApiOperation({ summary: 'Change an agency' })
  @ApiOkResponse({ type: AgencyDto })
  @ApiErrors(403, 404)
  async updateAgency(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: UpdateAgencyDto,
  ): Promise<Agency> {
    return this.org.updateAgency(await this.org.scopeOf(p), id, dto);
  }

  @Get('agencies/:id/units')
  @ApiOperation({ summary: 'Work units (OPD) of an agency' })
  @ApiPageResponse(WorkUnitDto)
  @ApiErrors(404)
  async listUnits(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Query() q: UnitQueryDto,
  ): Promise<Page<WorkUnit>> {
    return this.org.listUnits(await this.org.scopeOf(p), id, q);
  }

  @Post('agencies/:id/units')
  @ApiOperation({ summary: 'Add a work unit to an agency (agency admin)' })
  @ApiCreatedResponse({ type: WorkUnitDto })
  @ApiErrors(403, 404, 409)
  async createUnit(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: CreateWorkUnitDto,
  ): Promise<WorkUnit> {
    return this.org.createUnit(await this.org.scopeOf(p), id, dto);
  }

  @Get('units/:id')
  @ApiOperation({ summary: 'One work unit' })
  @ApiOkResponse({ type: WorkUnitDto })
  @ApiErrors(404)
  async getUnit(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<WorkUnit> {
    return this.org.getUnit(await this.org.scopeOf(p), id);
  }

  @Patch('units/:id')
  @ApiOperation({ summary: 'Rename a work unit (agency admin)' })
  @ApiOkResponse({ type: WorkUnitDto })
  @ApiErrors(403, 404)
  async updateUnit(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: UpdateWorkUnitDto,
  ): Promise<WorkUnit> {
    return this.org.updateUnit(await this.org.scopeOf(p), id, dto);
  }
}
