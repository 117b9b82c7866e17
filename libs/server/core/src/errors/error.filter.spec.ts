import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { ErrorFilter } from './error.filter';

const pgError = (code: string) =>
  Object.assign(new QueryFailedError('SELECT 1', [], Object.assign(new Error('pg'), { code })), { code });

describe('ErrorFilter', () => {
  const filter = new ErrorFilter();

  it.each([
    ['22021', 'a NUL or an invalid byte sequence in text'],
    ['22P05', 'a character jsonb cannot hold'],
  ])('answers 400, not 500, to PostgreSQL %s (%s): the second line behind the request checks', (code) => {
    expect(filter.toBody(pgError(code), 'k-1')).toEqual({
      statusCode: 400,
      code: ErrorCode.VALIDATION_FAILED,
      message: expect.stringMatching(/karakter/),
      correlationId: 'k-1',
    });
  });

  it('keeps 500 for database errors that are not about the input', () => {
    expect(filter.toBody(pgError('40P01'), 'k-2')).toMatchObject({ statusCode: 500, code: ErrorCode.INTERNAL });
  });

  it.each(['GET', 'HEAD', 'OPTIONS', 'PROPFIND'])('names an unmatched %s route, without its query', (method) => {
    const body = filter.toBody(new NotFoundException(`Cannot ${method} /api/tidak-ada?token=rahasia`), 'k-3');
    expect(body).toEqual({
      statusCode: 404,
      code: ErrorCode.NOT_FOUND,
      message: `Rute tidak ditemukan: ${method} /api/tidak-ada`,
      correlationId: 'k-3',
    });
  });
});
