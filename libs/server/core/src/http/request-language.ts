import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Language } from '@kompeten/shared-contracts';
import { answerLanguage } from '../errors/error.filter';

/**
 * The language to answer this request in (decision 0026): Accept-Language when it names id or en, else the caller's
 * profile (carried in the access token), else Indonesian. The same rule as error answers.
 */
export const RequestLanguage = createParamDecorator((_: unknown, ctx: ExecutionContext): Language =>
  answerLanguage(ctx.switchToHttp().getRequest()),
);
