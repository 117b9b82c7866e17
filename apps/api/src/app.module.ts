import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AssessmentModule } from '@kompeten/server-assessment';
import { CertificateModule } from '@kompeten/server-certificate';
import { CalendarModule } from '@kompeten/server-calendar';
import { AccessTokenGuard, CoreModule, ErrorFilter, type AppConfig } from '@kompeten/server-core';
import { DiscussionModule } from '@kompeten/server-discussion';
import { AttentionModule, EnrolmentModule } from '@kompeten/server-enrolment';
import { IdentityModule } from '@kompeten/server-identity';
import { JpModule } from '@kompeten/server-jp';
import { LearningModule } from '@kompeten/server-learning';
import { NotificationModule } from '@kompeten/server-notification';
import { OrganisationModule } from '@kompeten/server-organisation';
import { SiasnModule } from '@kompeten/server-siasn';
import { ALL_ENTITIES } from './entities';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            serializers: {
              req: (req) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        CoreModule.forRoot(config, ALL_ENTITIES),
        OrganisationModule,
        IdentityModule,
        LearningModule,
        EnrolmentModule,
        AttentionModule,
        AssessmentModule,
        JpModule,
        CertificateModule,
        NotificationModule,
        CalendarModule,
        DiscussionModule,
        SiasnModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
