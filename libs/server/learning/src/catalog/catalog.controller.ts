import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CatalogCourseDetail, CourseSummary, Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { CatalogCourseDetailDto, CatalogQueryDto, CourseSummaryDto } from '../dto/course.dto';
import { CatalogService } from './catalog.service';

@ApiTags('catalog')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('catalog')
export class CatalogController {
  constructor(@Inject(CatalogService) private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({
    summary: 'Published courses the caller may see, searchable with Indonesian stemming',
    description:
      'q is stemmed with Sastrawi like the indexed title, description, objectives and tags (pelayanan finds melayani); every term is required; ranked by relevance, then title.',
  })
  @ApiPageResponse(CourseSummaryDto)
  list(@CurrentPrincipal() p: Principal, @Query() q: CatalogQueryDto): Promise<Page<CourseSummary>> {
    return this.catalog.list(p, q);
  }

  @Get(':courseId')
  @ApiOperation({
    summary: "A published course's public page: metadata, outline titles and kinds, and the caller's enrolment status",
  })
  @ApiOkResponse({ type: CatalogCourseDetailDto })
  @ApiErrors(404)
  get(@CurrentPrincipal() p: Principal, @Param('courseId', uuid()) courseId: string): Promise<CatalogCourseDetail> {
    return this.catalog.get(p, courseId);
  }
}
