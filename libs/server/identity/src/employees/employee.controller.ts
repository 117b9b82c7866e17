import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  Employee,
  Page,
  ResetAccountResponse,
  RoleAssignment,
  SetAccountResponse,
} from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { RoleAssignmentDto } from '../dto/auth.dto';
import {
  CreateEmployeeDto,
  EmployeeDto,
  EmployeeQueryDto,
  GrantRoleDto,
  ResetAccountResponseDto,
  SetAccountDto,
  SetAccountResponseDto,
  UpdateEmployeeDto,
} from '../dto/employee.dto';
import { AccountService } from '../roles/account.service';
import { EmployeeService } from './employee.service';

@ApiTags('employees')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class EmployeeController {
  constructor(
    @Inject(EmployeeService) private readonly employees: EmployeeService,
    @Inject(AccountService) private readonly accounts: AccountService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('employees')
  @ApiOperation({ summary: 'ASN the caller may see, searchable by name, NIP or email' })
  @ApiPageResponse(EmployeeDto)
  async list(@CurrentPrincipal() p: Principal, @Query() q: EmployeeQueryDto): Promise<Page<Employee>> {
    return this.employees.list(await this.org.scopeOf(p), q);
  }

  @Get('employees/:id')
  @ApiOperation({ summary: 'One ASN profile' })
  @ApiOkResponse({ type: EmployeeDto })
  @ApiErrors(404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuidParam()) id: string): Promise<Employee> {
    return this.employees.get(await this.org.scopeOf(p), id);
  }

  @Post('employees')
  @ApiOperation({
    summary:
      'Add an ASN (agency admin or the unit\u2019s HR officer). Repeating an identical request returns the existing record with 200.',
  })
  @ApiCreatedResponse({ type: EmployeeDto })
  @ApiOkResponse({ type: EmployeeDto, description: 'Identical record already existed' })
  @ApiErrors(403, 404, 409)
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateEmployeeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Employee> {
    const { employee, created } = await this.employees.create(await this.org.scopeOf(p), dto);
    res.status(created ? 201 : 200);
    return employee;
  }

  @Patch('employees/:id')
  @ApiOperation({
    summary:
      'Change an ASN profile (NIP and employee type are fixed). Deactivating follows the account rank rule and ends the ASN\u2019s sessions; nobody appoints themself as supervisor.',
  })
  @ApiOkResponse({ type: EmployeeDto })
  @ApiErrors(403, 404)
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateEmployeeDto,
  ): Promise<Employee> {
    return this.employees.update(await this.org.scopeOf(p), id, dto);
  }

  @Put('employees/:id/account')
  @ApiOperation({
    summary: 'Create the ASN\u2019s sign-in account (with the learner role), or ask for a new login email',
    description:
      'Admins never choose a password: a new account answers a one-time setup link (shown once) to hand to the ASN. A login email set here stays pending until the ASN confirms it. Only for accounts whose every role ranks below the caller\u2019s (403 otherwise).',
  })
  @ApiOkResponse({ type: SetAccountResponseDto })
  @ApiErrors(403, 404, 409)
  async setAccount(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
    @Body() dto: SetAccountDto,
  ): Promise<SetAccountResponse> {
    return this.accounts.setAccount(await this.org.scopeOf(p), id, dto);
  }

  @Post('employees/:id/account/reset')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reset the ASN\u2019s password: it stops working, every session ends, and a new one-time setup link is answered (shown once)',
    description:
      'Only for accounts whose every role ranks below the caller\u2019s, within its scope (403 otherwise). A newer link voids older ones.',
  })
  @ApiOkResponse({ type: ResetAccountResponseDto })
  @ApiErrors(403, 404)
  async resetAccount(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
  ): Promise<ResetAccountResponse> {
    return this.accounts.reset(await this.org.scopeOf(p), id);
  }

  @Get('employees/:id/roles')
  @ApiOperation({ summary: 'Roles the ASN holds' })
  @ApiOkResponse({ type: [RoleAssignmentDto] })
  @ApiErrors(404)
  async roles(@CurrentPrincipal() p: Principal, @Param('id', uuidParam()) id: string): Promise<RoleAssignment[]> {
    return this.accounts.listRoles(await this.org.scopeOf(p), id);
  }

  @Post('employees/:id/roles')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant a role at an agency or unit (idempotent; never above the caller\u2019s own rank)' })
  @ApiOkResponse({ type: RoleAssignmentDto })
  @ApiErrors(403, 404)
  async grant(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam()) id: string,
    @Body() dto: GrantRoleDto,
  ): Promise<RoleAssignment> {
    return this.accounts.grant(await this.org.scopeOf(p), id, dto);
  }

  @Delete('role-assignments/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke a role assignment (idempotent); a role at or above the caller\u2019s own rank answers 403',
  })
  @ApiNoContentResponse()
  @ApiErrors(403, 404)
  async revoke(@CurrentPrincipal() p: Principal, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.accounts.revoke(await this.org.scopeOf(p), id);
  }
}
