import { Module } from '@nestjs/common';
import { QUESTION_IMPORT_MAX_BYTES } from '@kompeten/shared-contracts';
import { diskUploadModule } from '@kompeten/server-core';
import { OrganisationModule } from '@kompeten/server-organisation';
import { QuestionTransferController } from './question-transfer.controller';
import { QuestionTransferService } from './question-transfer.service';

/** Question import and export over HTTP, with its own upload limit (QUESTION_IMPORT_MAX_BYTES). */
@Module({
  imports: [OrganisationModule, diskUploadModule(QUESTION_IMPORT_MAX_BYTES)],
  controllers: [QuestionTransferController],
  providers: [QuestionTransferService],
})
export class QuestionTransferModule {}
