import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UseInterceptors, type DynamicModule } from '@nestjs/common';
import { FileInterceptor, MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/env';
import { RemoveTemporaryUpload } from './remove-temporary-upload.interceptor';

/**
 * Uploads for one domain module: streamed to `<storageDir>/tmp` (next to storage, so accepting a file is a rename, and
 * a 500 MB video or a 60,000-row CSV never sits in memory), one file of at most `maxBytes` and at most `maxFields` form
 * fields. Import it in the module whose controllers take uploads; its limits apply to them.
 */
export function diskUploadModule(maxBytes: number, maxFields = 5): DynamicModule {
  return MulterModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const dir = join(config.storageDir, 'tmp');
      mkdirSync(dir, { recursive: true });
      return {
        storage: diskStorage({ destination: dir }),
        limits: { fileSize: maxBytes, files: 1, fields: maxFields },
      };
    },
  });
}

/** A route taking one upload in the form field `file`; its temporary file never outlives the request. */
export const AcceptsUpload = () => UseInterceptors(FileInterceptor('file'), RemoveTemporaryUpload);
