import 'reflect-metadata';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

// Implicit conversion runs before @Transform, so these read the raw string from `obj`.
type Raw = { obj: Record<string, unknown>; key: string };
const toBool = ({ obj, key }: Raw) => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()) : raw;
};
const toList = ({ obj, key }: Raw) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
};

/**
 * The one environment schema for both processes. Every key is documented in .env.example;
 * defaults here are safe for local development, never for secrets.
 */
export class EnvSchema {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt() @Min(1) @Max(65535)
  PORT: number = 3000;

  @IsInt() @Min(1) @Max(65535)
  WORKER_PORT: number = 3001;

  @Matches(/^mongodb(\+srv)?:\/\/[^\s/]+(\/[^\s?]*)?(\?\S*)?$/, {
    message: 'MONGO_URI must be a mongodb:// or mongodb+srv:// URI',
  })
  MONGO_URI: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsString() @MinLength(1)
  JWT_ISSUER: string = 'http://localhost:3000';

  @IsString() @MinLength(1)
  JWT_AUDIENCE: string = 'resume-screener';

  /** Access-token lifetime in seconds. */
  @IsInt() @Min(60) @Max(86400)
  JWT_TTL_SECONDS: number = 900;

  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SENTRY_DSN?: string;

  @IsOptional() @IsString()
  SENTRY_ENVIRONMENT?: string;

  /** Largest accepted resume, in bytes (5 MB). */
  @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  UPLOAD_MAX_BYTES: number = 5 * 1024 * 1024;

  @IsInt() @Min(1) @Max(200)
  UPLOAD_MAX_FILES: number = 50;

  /** Largest JSON body, in bytes. */
  @IsInt() @Min(1024) @Max(10 * 1024 * 1024)
  JSON_BODY_LIMIT_BYTES: number = 100 * 1024;

  /** Express `trust proxy` hop count; > 0 when behind nginx or an ALB. */
  @IsInt() @Min(0) @Max(10)
  TRUST_PROXY: number = 0;

  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @IsOptional() @IsString() @Matches(/^[\w.-]+$/)
  MODEL_VERSION?: string;

  @IsOptional() @IsString()
  MODELS_DIR?: string;

  /** Grace period for in-flight requests and jobs on SIGTERM, in milliseconds. */
  @IsInt() @Min(0) @Max(600000)
  SHUTDOWN_TIMEOUT_MS: number = 25000;

  @IsInt() @Min(1) @Max(64)
  WORKER_CONCURRENCY: number = 2;

  @Transform(toBool)
  @IsBoolean()
  SWAGGER_ENABLED: boolean = true;
}
