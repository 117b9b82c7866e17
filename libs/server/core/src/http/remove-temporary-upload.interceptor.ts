import { rm } from 'node:fs/promises';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';

/**
 * Multer streams an upload to a temporary file before validation and permission checks run; whatever the outcome,
 * that file does not outlive the request (an accepted upload has already been moved into storage).
 * Use after `FileInterceptor('file')`.
 */
@Injectable()
export class RemoveTemporaryUpload implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    return from(
      (async () => {
        try {
          return await lastValueFrom(next.handle(), { defaultValue: undefined });
        } finally {
          if (req.file?.path) await rm(req.file.path, { force: true });
        }
      })(),
    );
  }
}
