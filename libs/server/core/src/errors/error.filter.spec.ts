import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { invalid, notFound } from './domain-error';
import { answerLanguage, ErrorFilter } from './error.filter';

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

  describe('answers in the request\u2019s language (decision 0026)', () => {
    it('keeps the service\u2019s Indonesian sentence in id and uses the code\u2019s English sentence in en', () => {
      const error = notFound(ErrorCode.LEARNING_COURSE_NOT_FOUND, 'Kursus tidak ditemukan');
      expect(filter.toBody(error, 'k-4', 'id').message).toBe('Kursus tidak ditemukan');
      expect(filter.toBody(error, 'k-4', 'en')).toEqual({
        statusCode: 404,
        code: ErrorCode.LEARNING_COURSE_NOT_FOUND,
        message: 'Course not found.',
        correlationId: 'k-4',
      });
    });

    it('prefers the specific English sentence a service gave', () => {
      const error = invalid(ErrorCode.IMPORT_BAD_FILE, 'Kolom wajib tidak ada: nip').en(
        'Required columns missing: nip',
      );
      expect(filter.toBody(error, 'k-5', 'en').message).toBe('Required columns missing: nip');
      expect(filter.toBody(error, 'k-5', 'id').message).toBe('Kolom wajib tidak ada: nip');
    });

    it('words validation failures, unmatched routes and bare 404s in English', () => {
      const validation = new BadRequestException({
        code: ErrorCode.VALIDATION_FAILED,
        message: 'Permintaan tidak valid: Kolom "x" tidak dikenal',
        details: ['Kolom "x" tidak dikenal', 'title must be a string'],
      });
      expect(filter.toBody(validation, 'k-6', 'en')).toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        message: 'Invalid request: Unknown field "x"; title must be a string',
        details: ['Kolom "x" tidak dikenal', 'title must be a string'],
      });
      expect(filter.toBody(new NotFoundException('Cannot GET /api/x'), 'k-7', 'en').message).toBe(
        'Route not found: GET /api/x',
      );
      expect(
        filter.toBody(new NotFoundException('Tidak ditemukan (id bukan UUID yang valid)'), 'k-8', 'en').message,
      ).toBe('Not found.');
      expect(filter.toBody(pgError('22021'), 'k-9', 'en').message).toMatch(/character/);
    });

    it.each([
      [undefined, undefined, 'id'],
      ['en-US,en;q=0.9', undefined, 'en'],
      ['id-ID,id;q=0.9,en;q=0.8', 'en', 'id'],
      ['fr-FR, en;q=0.5', undefined, 'en'],
      ['id;q=0.2, en;q=0.7', undefined, 'en'],
      ['fr-FR', 'en', 'en'],
      [undefined, 'en', 'en'],
    ] as const)('Accept-Language %p with profile %p answers in %p', (header, stored, expected) => {
      const req = {
        headers: header ? { 'accept-language': header } : {},
        principal: stored ? { language: stored } : {},
      };
      expect(answerLanguage(req as never)).toBe(expected);
    });
  });
});
