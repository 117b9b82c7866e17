import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import type { GradingWaiting } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { GradingWaitingService } from './grading-waiting.service';

export class GradingWaitingQueryDto {
  @ApiProperty({
    type: String,
    description: 'Course ids, comma-separated (at most 100): the courses of one page of the grading index',
    example: '0b7a4f4e-3c1d-4c55-9a51-6f1d9d0f2a11,5f0c9d2e-7a41-4b8e-9c3d-2e1f0a9b8c7d',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @IsArray({ message: 'courseIds harus daftar id kursus dipisahkan koma' })
  @ArrayMinSize(1, { message: 'courseIds minimal 1' })
  @ArrayMaxSize(100, { message: 'courseIds maksimal 100' })
  @IsUUID('all', { each: true, message: 'courseIds harus berisi UUID' })
  courseIds: string[];
}

export class GradingWaitingDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ example: 3, description: 'Quiz attempts with essays waiting for a grade' }) essayAttempts: number;
}

@ApiTags('grading')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class GradingWaitingController {
  constructor(
    @Inject(GradingWaitingService) private readonly grading: GradingWaitingService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('grading/waiting')
  @ApiOperation({
    summary: 'How many quiz attempts wait for essays to be graded, per course (the grading index)',
    description:
      'Answers the courses of `courseIds` the caller grades (authors and agency admins); any other id is left out of the answer, as if it had nothing waiting.',
  })
  @ApiOkResponse({ type: [GradingWaitingDto] })
  async waiting(@CurrentPrincipal() p: Principal, @Query() q: GradingWaitingQueryDto): Promise<GradingWaiting[]> {
    return this.grading.waiting(await this.org.scopeOf(p), q.courseIds);
  }
}
