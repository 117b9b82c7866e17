import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'EMPLOYEE.INVALID_NIP', description: 'Stable code in DOMAIN.REASON form' }) code: string;
  @ApiProperty({ example: 'NIP harus 18 digit angka' }) message: string;
  @ApiProperty({ example: 'c0a8012e-6b1f-4c1e-9d9a-0f7f5d8f2a11' }) correlationId: string;
  @ApiPropertyOptional({ description: 'Field-level problems, when any' }) details?: unknown;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing, invalid or expired access token',
  403: 'Not allowed for this role',
  404: 'Not found, or outside the caller\u2019s scope',
  409: 'Conflicts with existing data',
  410: 'No longer valid (used, replaced or expired)',
  413: 'Payload too large',
  423: 'Account temporarily locked',
  429: 'Too many requests (see the Retry-After header)',
  503: 'A service the request needs is briefly unavailable; retry shortly',
};

/** Documents the error responses a route can give, all in the shape of ErrorResponseDto. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], schema: { $ref: getSchemaPath(ErrorResponseDto) } }),
    ),
  );
}
