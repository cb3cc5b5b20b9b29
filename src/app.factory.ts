import { DynamicModule, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { HttpMetricsMiddleware } from './common/metrics/http-metrics.middleware';
import { AppConfig } from './config/app-config';
import { WorkerModule } from './worker.module';

function applyHttpBasics(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(app.get(HttpMetricsMiddleware).use);
  app.useGlobalFilters(new AllExceptionsFilter());
}

export function buildOpenApi(app: INestApplication) {
  const doc = new DocumentBuilder()
    .setTitle('Resume Screener API')
    .setDescription('Explainable, fair-by-construction resume screening for HR portals.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}

export function configureApi(app: NestExpressApplication, config: AppConfig): void {
  applyHttpBasics(app, config);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          // Swagger UI at /docs needs its own scripts and styles; nothing else is served as HTML.
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
        },
      },
      hsts: config.TRUST_PROXY > 0 ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  );
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false });
  app.useBodyParser('json', { limit: config.JSON_BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: config.JSON_BODY_LIMIT_BYTES, extended: false });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  if (config.SWAGGER_ENABLED) SwaggerModule.setup('docs', app, buildOpenApi(app));
}

async function create(module: DynamicModule): Promise<NestExpressApplication> {
  return NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
    // Throw instead of process.exit on resolution errors, so callers (and tests) see them.
    abortOnError: false,
  });
}

export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await create(ApiModule.forRoot(config));
  configureApi(app, config);
  return app;
}

export async function createWorkerApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await create(WorkerModule.forRoot(config));
  applyHttpBasics(app, config);
  return app;
}
