import { AllExceptionsFilter, AppConfig, bodyParsers, validationExceptionFactory } from '@cadence/api-core';
import { INestApplication, ValidationPipe, VersioningType } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

export const GLOBAL_PREFIX = 'api';

/** Routing shared by the running API and the OpenAPI writer, so the spec matches what is served. */
export function configureRouting(app: INestApplication): void {
  app.setGlobalPrefix(GLOBAL_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, prefix: 'v' });
}

/** Everything a request passes through: logs, security headers, CORS, validation, the error shape. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(helmet());
  // The app is created with bodyParser:false; these parsers answer bad bodies in the one error shape.
  app.use(...bodyParsers());
  app.enableCors({
    origin: config.WEB_ORIGIN.split(',').map((o) => o.trim()),
    credentials: true,
    exposedHeaders: ['x-request-id'],
  });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  configureRouting(app);
  SwaggerModule.setup(`${GLOBAL_PREFIX}/docs`, app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: `${GLOBAL_PREFIX}/docs-json`,
    customSiteTitle: 'Cadence API',
    // No call to the public validator badge service: docs must work offline and leak no spec.
    swaggerOptions: { validatorUrl: null, persistAuthorization: true },
  });
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Cadence API')
    .setDescription(
      'Multi-channel campaigns for real-estate agents: contacts, campaigns, ringless voicemail, SMS and email. ' +
        'Authenticate with a user access token (`Authorization: Bearer <jwt>`) or an integrator API key ' +
        '(`X-API-Key: cdk_…` or `Authorization: Bearer cdk_…`). Errors are `{ statusCode, code, message, details? }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, config, {
    // operationId = the controller method's name (unique across the API); the client hooks take these names.
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
  });
}
