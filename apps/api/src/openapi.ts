import { InfrastructureUrls } from '@cadence/api-core';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app/app.module';
import { configureRouting, createOpenApiDocument } from './app/configure-app';

const OUTPUT = resolve(__dirname, '../../../libs/shared/contract/openapi.json');

/**
 * Writes the OpenAPI spec without MongoDB or Redis: preview mode builds the module graph and reads
 * the controllers' metadata but instantiates no provider, so nothing connects anywhere.
 */
async function writeSpec(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(new InfrastructureUrls('mongodb://unused', 'redis://unused')), { preview: true, logger: false, abortOnError: false });
  configureRouting(app);
  const document = createOpenApiDocument(app);
  writeFileSync(OUTPUT, JSON.stringify(document, null, 2) + '\n');
  await app.close();
  process.stdout.write(`wrote ${OUTPUT}\n`);
}

writeSpec().catch((error: Error) => {
  process.stderr.write(`openapi: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
