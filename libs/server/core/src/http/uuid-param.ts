import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** Path ids must be UUIDs; anything else cannot exist, so it is a 404, never a 500. */
export const uuidParam = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('Tidak ditemukan (id bukan UUID yang valid)') });
