import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  Post,
  Query,
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
import type { JpClaim, Page } from '@kompeten/shared-contracts';
import {
  AcceptsUpload,
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { ClaimDecisionDto, ClaimQueryDto, CreateClaimDto, JpClaimDto } from '../dto/jp.dto';
import { ClaimsService } from './claims.service';

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

@ApiTags('jp')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('jp/claims')
export class ClaimsController {
  constructor(
    @Inject(ClaimsService) private readonly claims: ClaimsService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post()
  @AcceptsUpload()
  @ApiOperation({
    summary: 'Claim development done outside Kompeten, with its evidence (PDF, JPG or PNG, checked by content)',
    description:
      'The quantity is counted in the unit of the rule in force on the end date. The same certificate number, or the same organiser, title and dates, claimed before and not rejected, is refused with 409 JP.DUPLICATE_CLAIM.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateClaimDto })
  @ApiCreatedResponse({ type: JpClaimDto })
  @ApiErrors(404, 409, 413)
  async submit(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateClaimDto,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<JpClaim> {
    return this.claims.submit(await this.org.scopeOf(p), dto, file);
  }

  @Get()
  @ApiOperation({ summary: 'My claims, newest first' })
  @ApiPageResponse(JpClaimDto)
  @ApiErrors(404)
  async mine(@CurrentPrincipal() p: Principal, @Query() q: ClaimQueryDto): Promise<Page<JpClaim>> {
    return this.claims.mine(await this.org.scopeOf(p), q);
  }

  @Get('queue')
  @ApiOperation({
    summary:
      'Claims I may verify: HR officers for their unit subtree, supervisors for direct reports when the agency’s rules say so, admins for their agencies',
    description: 'status defaults to pending (oldest first); verified and rejected list decided claims, newest first.',
  })
  @ApiPageResponse(JpClaimDto)
  async queue(@CurrentPrincipal() p: Principal, @Query() q: ClaimQueryDto): Promise<Page<JpClaim>> {
    return this.claims.queue(await this.org.scopeOf(p), q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One claim (the claimant and those whose scope holds them; 404 for anyone else)' })
  @ApiOkResponse({ type: JpClaimDto })
  @ApiErrors(404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<JpClaim> {
    return this.claims.get(await this.org.scopeOf(p), id);
  }

  @Get(':id/evidence')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download a claim’s evidence (the claimant and those whose scope holds them)' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The evidence file, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async evidence(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<StreamableFile> {
    const file = await this.claims.openEvidence(await this.org.scopeOf(p), id);
    return new StreamableFile(file.stream, {
      type: file.mime,
      length: file.size,
      disposition: `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Post(':id/decision')
  @ApiOperation({
    summary: 'Verify (credits JP by the rules in force on the end date) or reject (with a reason) a claim',
    description:
      'Repeating the same decision answers the claim unchanged; the opposite decision on a decided claim is 409 JP.CLAIM_DECIDED. Nobody decides their own claim.',
  })
  @ApiCreatedResponse({ type: JpClaimDto })
  @ApiErrors(403, 404, 409)
  async decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: ClaimDecisionDto,
  ): Promise<JpClaim> {
    return this.claims.decide(await this.org.scopeOf(p), id, dto.decision, dto.reason);
  }
}
