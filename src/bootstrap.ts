import { AppConfig, ConfigValidationError, loadConfig } from './config/app-config';

/** Validates the environment or exits 1 listing every bad key (before Nest starts logging). */
export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigValidationError) {
      process.stderr.write(err.message + '\n');
      process.exit(1);
    }
    throw err;
  }
}
