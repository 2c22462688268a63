import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app.config';
import { AuthConfig } from './auth.config';
import { loadConfig } from './config.loader';
import { MongoConfig } from './mongo.config';
import { RedisConfig } from './redis.config';

const schemas: Array<new () => object> = [AppConfig, MongoConfig, RedisConfig, AuthConfig];

/** Every config class is validated when first injected, so a bad variable stops the boot. */
@Global()
@Module({
  providers: schemas.map((schema) => ({ provide: schema, useFactory: () => loadConfig(schema) })),
  exports: schemas,
})
export class ConfigModule {}

/** Validates every concern at once, so the operator sees all bad variables in one message. */
export function validateAllConfig(env: NodeJS.ProcessEnv = process.env): void {
  const problems: string[] = [];
  for (const schema of schemas) {
    try {
      loadConfig(schema, env);
    } catch (error) {
      problems.push((error as Error).message.replace(/^Invalid configuration: /, ''));
    }
  }
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
}
