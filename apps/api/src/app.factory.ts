import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BadRequestException, Logger as NestLogger, ValidationPipe, type ValidationError } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ErrorCode } from '@kompeten/shared-contracts';
import { invalid, type AppConfig } from '@kompeten/server-core';
import { PageSessionService } from '@kompeten/server-identity';
import { AppModule } from './app.module';
import { BODY_LIMITS, RefuseControlCharactersPipe, refuseHostileInput, refuseHostileJson } from './http/hostile-input';
import { appShell } from './http/app-shell';
import { serverRenderer } from './http/server-render';
import { HASHED_ASSET, IMMUTABLE, precompressedAssets } from './http/precompressed-assets';
import { apiResponseHeaders, helmetOptions } from './http/security-headers';

/** Flattens class-validator errors into sentences a person can act on. */
function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([key, msg]) =>
      key === 'whitelistValidation'
        ? `Kolom "${path}" tidak dikenal`
        : msg.startsWith(e.property)
          ? msg.replace(e.property, path)
          : msg,
    );
    return [...own, ...validationMessages(e.children ?? [], path)];
  });
}

export const JSON_BODY_LIMIT = '1mb';

export function buildOpenApi(app: NestExpressApplication) {
  const doc = new DocumentBuilder()
    .setTitle('Kompeten API')
    .setDescription(
      'ASN Corporate University platform. Every error answers `{ statusCode, code, message, correlationId, details? }`. ' +
        'Lists are paginated with `page` (from 1) and `pageSize` (max 100) and answer `{ items, total, page, pageSize }`. ' +
        'Sign in at `POST /api/auth/login` and send `Authorization: Bearer <accessToken>`. ' +
        `Request bodies are JSON objects (never a top-level array) of at most 1 MB, ${BODY_LIMITS.maxNodes.toLocaleString('en')} values, ` +
        `${BODY_LIMITS.maxArrayLength.toLocaleString('en')} items per list, ${BODY_LIMITS.maxObjectKeys} keys per object and ${BODY_LIMITS.maxDepth} levels; ` +
        'control characters other than tab, CR and LF (in bodies, query parameters or paths) are refused. Both answer 400 `REQUEST.VALIDATION_FAILED`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, doc);
  // Every route but the health check spends from the caller's request budget and checks the session in Redis (decision 0010).
  const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } };
  for (const [path, ops] of Object.entries(document.paths)) {
    if (path === '/api/health') continue;
    for (const op of Object.values(ops) as Array<{ responses?: Record<string, unknown> } | undefined>) {
      if (!op?.responses) continue;
      op.responses['429'] ??= {
        description: 'Too many requests from this user or address; wait the seconds in Retry-After',
        headers: { 'Retry-After': { schema: { type: 'integer' } } },
        ...error,
      };
      op.responses['503'] ??= { description: 'The session store (Redis) did not answer; retry shortly', ...error };
    }
  }
  return document;
}

/** Builds the HTTP app (used by main and by the API e2e tests). */
export async function createApp(
  config: AppConfig,
  options: { logger?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.use(helmet(helmetOptions(config)));
  // Brotli or gzip, as the client accepts, for text responses over 1 KB (JSON, the app's scripts and styles): the first
  // visit shrinks from about 1 MB to about a quarter on mobile data (decision 0021). Downloads that are already
  // compressed (XLSX, PDF, images) are skipped by content type. The web app's hashed assets go out precompressed by the
  // build at brotli's highest quality instead, which this middleware leaves alone (decision 0027).
  app.use(compression({ threshold: 1024 }));
  app.use(apiResponseHeaders);
  // Every operation takes an object of modest shape: a top-level array, deep nesting or a flood of values is refused
  // by one byte loop before JSON.parse builds it (decision 0014).
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: refuseHostileJson });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  // Nest rewrites the parser's SyntaxError into a bare BadRequestException carrying the parser's text,
  // so name the problem here, while its type is still known.
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => {
    next(
      (err as { type?: unknown } | null)?.type === 'entity.parse.failed'
        ? invalid(ErrorCode.MALFORMED_JSON, 'Isi permintaan bukan JSON yang valid')
        : err,
    );
  });
  // Before guards, class-transformer and class-validator: a body no operation accepts costs one bounded pass, no more.
  app.use((req: Request, res: Response, next: NextFunction) => {
    refuseHostileInput(req, res, next);
  });
  // Only the proxies named in TRUST_PROXY may set X-Forwarded-For; by default none, so req.ip is the socket's peer
  // and a client cannot pick its own address to dodge the per-source login throttle (decision 0011).
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new RefuseControlCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => {
        const details = validationMessages(errors);
        return new BadRequestException({
          code: ErrorCode.VALIDATION_FAILED,
          message: `Permintaan tidak valid: ${details.join('; ')}`,
          details,
        });
      },
    }),
  );
  app.enableShutdownHooks();

  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Kompeten API' });

  const webDir = resolve(config.webDistDir ?? join(process.cwd(), 'dist/apps/web'));
  if (existsSync(join(webDir, 'index.html'))) {
    // Only outside /api: mounted for every path, serve-static would stat a file under webDir for each API GET.
    // Vite names every built asset by its content hash (`/assets/index-3f2a9c.js`): a changed file is a new URL, so those
    // are cached for a year and never revalidated; the shell (index.html) is revalidated on every visit, so a deploy
    // reaches users on their next page load. Other files (icons) keep an hour.
    const serveWeb = express.static(webDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
        else if (HASHED_ASSET.test(path)) res.setHeader('Cache-Control', IMMUTABLE);
      },
    });
    // A hashed asset's .br written by the build (brotli at quality 11), for a browser that accepts it.
    app.use(precompressedAssets(webDir));
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path.startsWith('/api/') ? next() : serveWeb(req, res, next),
    );
    // Client-side routes: the app shell, naming the opened page's files (decision 0027 §12); the sign-in page as the
    // build rendered it, and the catalog, a catalog course and a lesson rendered for the signed-in reader (decision
    // 0041), who reads the page's data over loopback like the browser would.
    const render = serverRenderer(webDir, {
      pageSessions: app.get(PageSessionService),
      apiOrigin: `http://127.0.0.1:${config.port}`,
      maxConcurrent: config.serverRenderConcurrency,
      onError: (error) =>
        NestLogger.warn(`A page could not be rendered on the server; the browser draws it: ${String(error)}`, 'Web'),
    });
    app.use(appShell(webDir, render));
  }
  return app;
}
