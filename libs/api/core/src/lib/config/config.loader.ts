import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

export class ConfigValidationError extends Error {
  constructor(readonly variables: string[], detail: string) {
    super(`Invalid configuration: ${detail}`);
    this.name = 'ConfigValidationError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * Reads one concern's environment variables into a typed, validated object. Each property of the
 * class is named exactly like its environment variable, so the error names what the operator must fix.
 */
export function loadConfig<T extends object>(schema: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new schema();
  const raw: Record<string, unknown> = {};
  for (const key of variablesOf(schema)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? (defaults as Record<string, unknown>)[key] : value;
  }
  const config = plainToInstance(schema, raw, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((e) => e.property),
      errors.map(describe).join('; '),
    );
  }
  return config;
}

/** The validated properties of a config class, i.e. the variables it reads (with or without a default). */
function variablesOf(schema: ConfigClass<object>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join(', ');
  const shown = error.value === undefined ? 'missing' : `got "${String(error.value)}"`;
  return `${error.property} (${shown}): ${reasons}`;
}
