import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { EnvSchema } from './env.schema';

/** Validated, typed configuration; inject it as `AppConfig`. */
export class AppConfig extends EnvSchema {}

export class ConfigValidationError extends Error {
  constructor(public readonly problems: { key: string; reason: string }[]) {
    super(
      'Invalid environment configuration:\n' +
        problems.map((p) => `  - ${p.key}: ${p.reason}`).join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

const flatten = (errors: ValidationError[]) =>
  errors.map((e) => ({
    key: e.property,
    reason: Object.values(e.constraints ?? { invalid: 'is invalid' }).join('; '),
  }));

/** Every key the schema declares, including optional ones without a default. */
export function schemaKeys(): string[] {
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(EnvSchema, '', true, false)
    .map((m) => m.propertyName);
  return [...new Set([...Object.keys(new EnvSchema()), ...declared])];
}

/** Validates the whole environment at once, so a failed boot lists every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present: Record<string, string> = {};
  for (const key of schemaKeys()) {
    const value = env[key];
    if (value !== undefined && value !== '') present[key] = value;
  }
  const config = plainToInstance(AppConfig, present, { enableImplicitConversion: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length) throw new ConfigValidationError(flatten(errors));
  return config;
}
