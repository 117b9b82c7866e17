import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type as ToType } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@kompeten/shared-util';
import type { Page } from '@kompeten/shared-contracts';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1, example: 1 })
  @IsOptional()
  @ToType(() => Number)
  @IsInt({ message: 'page harus bilangan bulat' })
  @Min(1, { message: 'page minimal 1' })
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: 20 })
  @IsOptional()
  @ToType(() => Number)
  @IsInt({ message: 'pageSize harus bilangan bulat' })
  @Min(1, { message: 'pageSize minimal 1' })
  @Max(MAX_PAGE_SIZE, { message: `pageSize maksimal ${MAX_PAGE_SIZE}` })
  pageSize: number = DEFAULT_PAGE_SIZE;
}

export class SearchPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Free-text search', example: 'mataram', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PageMetaDto {
  @ApiProperty({ example: 132 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

export function toPage<T>(items: T[], total: number, q: PageQueryDto): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Documents a `Page<Model>` response in OpenAPI. */
export function ApiPageResponse<M extends Type<unknown>>(model: M, description?: string) {
  return applyDecorators(
    ApiExtraModels(PageMetaDto, model),
    ApiOkResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageMetaDto) },
          {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } },
          },
        ],
      },
    }),
  );
}

/** Escapes LIKE wildcards in user input. */
export function likePattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
