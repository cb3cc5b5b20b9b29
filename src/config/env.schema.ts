import 'reflect-metadata';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_PORT: number = 3001;

  @Matches(/^mongodb(\+srv)?:\/\/[^\s/]+(\/[^\s?]*)?(\?\S*)?$/, {
    message: 'MONGO_URI must be a mongodb:// or mongodb+srv:// URI',
  })
  MONGO_URI: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsString()
  @MinLength(1)
  JWT_ISSUER: string = 'http://localhost:3000';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE: string = 'resume-screener';

  /** Access-token lifetime in seconds. */
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS: number = 900;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SENTRY_DSN?: string;

  @IsOptional()
  @IsString()
  SENTRY_ENVIRONMENT?: string;

  /** Largest accepted resume, in bytes (5 MB). */
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  UPLOAD_MAX_BYTES: number = 5 * 1024 * 1024;

  @IsInt()
  @Min(1)
  @Max(200)
  UPLOAD_MAX_FILES: number = 50;

  /** Largest JSON body, in bytes. */
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  JSON_BODY_LIMIT_BYTES: number = 100 * 1024;

  /** Express `trust proxy` hop count; > 0 when behind nginx or an ALB. */
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY: number = 0;

  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @IsOptional()
  @IsString()
  @Matches(/^[\w.-]+$/)
  MODEL_VERSION?: string;

  @IsOptional()
  @IsString()
  MODELS_DIR?: string;

  /** A candidate model version workers score alongside the active one (shadow mode). */
  @IsOptional()
  @IsString()
  @Matches(/^[\w.-]+$/)
  SHADOW_MODEL_VERSION?: string;

  /** Grace period for in-flight requests and jobs on SIGTERM, in milliseconds. */
  @IsInt()
  @Min(0)
  @Max(600000)
  SHUTDOWN_TIMEOUT_MS: number = 25000;

  /** How long readiness reports 503 before the server stops accepting, in milliseconds. */
  @IsInt()
  @Min(0)
  @Max(60000)
  SHUTDOWN_DRAIN_MS: number = 3000;

  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY: number = 2;

  @Transform(toBool)
  @IsBoolean()
  SWAGGER_ENABLED: boolean = true;

  // --- auth (src/modules/auth, src/common/security) ---

  /**
   * Optional 32-byte key (base64) that encrypts private signing keys and SSO client secrets at
   * rest in Mongo (AES-256-GCM). Unset: they are stored in plain text (dev/test only).
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'AUTH_ENCRYPTION_KEY must be 32 bytes, base64' })
  AUTH_ENCRYPTION_KEY?: string = undefined;

  /** Window shared by every throttler, in seconds. */
  @IsInt()
  @Min(1)
  @Max(3600)
  THROTTLE_WINDOW_SECONDS: number = 60;

  /** Requests per window per client IP on any one route (applies before authentication). */
  @IsInt()
  @Min(1)
  THROTTLE_IP_LIMIT: number = 1200;

  /** Requests per window per authenticated client or user, across all routes. */
  @IsInt()
  @Min(1)
  THROTTLE_CLIENT_LIMIT: number = 600;

  /** Requests per window per IP on /auth/token and the SSO endpoints. */
  @IsInt()
  @Min(1)
  THROTTLE_AUTH_LIMIT: number = 20;

  /** Requests per window per client on routes marked @UploadThrottle(). */
  @IsInt()
  @Min(1)
  THROTTLE_UPLOAD_LIMIT: number = 300;

  /** Failed secrets for one client_id (within the window below) that trigger a lockout. */
  @IsInt()
  @Min(1)
  @Max(1000)
  AUTH_LOCKOUT_THRESHOLD: number = 5;

  @IsInt()
  @Min(1)
  @Max(86400)
  AUTH_LOCKOUT_WINDOW_SECONDS: number = 900;

  /** How long a locked-out client_id is refused, in seconds. */
  @IsInt()
  @Min(1)
  @Max(86400)
  AUTH_LOCKOUT_SECONDS: number = 900;

  /** Public base URL of this API; the OIDC redirect URI is `<base>/auth/sso/callback`. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SSO_REDIRECT_BASE_URL: string = 'http://localhost:3000';

  /** Allow http:// OIDC issuers (local test IdPs only; never in production). */
  @Transform(toBool)
  @IsBoolean()
  SSO_ALLOW_HTTP_ISSUERS: boolean = false;

  // --- notifications (src/modules/notifications; README: Webhooks) ---

  /**
   * Allow http:// and loopback/private webhook targets (local tests only). Off by default; the
   * worker and API refuse to start with it on when NODE_ENV=production.
   */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOKS_ALLOW_PRIVATE: boolean = false;

  /** Whole-request deadline of one webhook attempt (connect, send, read), in milliseconds. */
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS: number = 10000;

  /** Most response bytes read from a receiver; the rest is discarded unread. */
  @IsInt()
  @Min(0)
  @Max(1024 * 1024)
  WEBHOOK_MAX_RESPONSE_BYTES: number = 16384;

  /** Redirects followed per attempt; each hop is checked against the SSRF rules. */
  @IsInt()
  @Min(0)
  @Max(10)
  WEBHOOK_MAX_REDIRECTS: number = 3;

  /** Delay before the first retry, in milliseconds; it doubles per attempt (with jitter). */
  @IsInt()
  @Min(10)
  @Max(3600000)
  WEBHOOK_RETRY_BASE_MS: number = 30000;

  /** Longest single retry delay, in milliseconds (4 h). */
  @IsInt()
  @Min(10)
  @Max(86400000)
  WEBHOOK_RETRY_MAX_DELAY_MS: number = 4 * 3600 * 1000;

  /** How long a delivery is retried before it is dead-lettered, in seconds (24 h). */
  @IsInt()
  @Min(1)
  @Max(7 * 86400)
  WEBHOOK_RETRY_WINDOW_SECONDS: number = 86400;

  /** Default time both the old and the new secret sign after a rotation, in seconds. */
  @IsInt()
  @Min(0)
  @Max(7 * 86400)
  WEBHOOK_SECRET_GRACE_SECONDS: number = 86400;

  /** An endpoint is disabled after at least this many consecutive failed attempts… */
  @IsInt()
  @Min(1)
  @Max(10000)
  WEBHOOK_DISABLE_AFTER_FAILURES: number = 10;

  /** …spanning at least this many seconds without a success (both must hold). */
  @IsInt()
  @Min(0)
  @Max(30 * 86400)
  WEBHOOK_DISABLE_AFTER_SECONDS: number = 86400;

  /** Notify jobs (webhook attempts, digests) one worker process runs at once. */
  @IsInt()
  @Min(1)
  @Max(200)
  NOTIFY_CONCURRENCY: number = 10;

  /** Public base URL of this API: absolute links in webhooks and e-mails, CloudEvents `source`. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  NOTIFY_PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /** E-mail digests are batched per job over windows of this many seconds. */
  @IsInt()
  @Min(1)
  @Max(7 * 86400)
  NOTIFY_DIGEST_INTERVAL_SECONDS: number = 3600;

  /** SMTP relay for e-mail digests and alerts; unset disables e-mail. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SMTP_HOST?: string = undefined;

  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT: number = 587;

  /** true: implicit TLS (port 465); false: plain connection upgraded with STARTTLS if offered. */
  @Transform(toBool)
  @IsBoolean()
  SMTP_SECURE: boolean = false;

  /** Refuse to send unless the server upgrades to TLS (STARTTLS). */
  @Transform(toBool)
  @IsBoolean()
  SMTP_REQUIRE_TLS: boolean = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string = undefined;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string = undefined;

  @IsString()
  @MinLength(3)
  SMTP_FROM: string = 'Resume Screener <no-reply@localhost>';

  // --- compliance (src/modules/compliance) ---

  /** Default resume retention per org, in days; an org admin may set its own (PUT /compliance/retention). */
  @IsInt()
  @Min(1)
  @Max(3650)
  RETENTION_DEFAULT_DAYS: number = 365;

  /** Decision-log retention in days: at least 6 months (EU AI Act Art. 26(6)). */
  @IsInt()
  @Min(183)
  @Max(3650)
  DECISION_LOG_RETENTION_DAYS: number = 730;

  /** Minutes between retention sweeps in the worker; 0 turns the sweep off. */
  @IsInt()
  @Min(0)
  @Max(1440)
  RETENTION_SWEEP_MINUTES: number = 60;

  /** Hours a stored Idempotency-Key response is kept before the retention sweep removes it. */
  @IsInt()
  @Min(1)
  @Max(8760)
  IDEMPOTENCY_RETENTION_HOURS: number = 168;

  // --- storage hygiene (src/modules/resumes/orphan-file.sweeper.ts) ---

  /**
   * Minutes between sweeps for orphaned GridFS resume files in the worker (fractions allowed:
   * 0.1 = 6 s, for drills); 0 turns the sweep off.
   */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1440)
  ORPHAN_SWEEP_MINUTES: number = 30;

  /**
   * Seconds an unreferenced GridFS file or chunk must be old before the sweep removes it; it must
   * outlast the slowest upload (store the bytes, then insert the resume), or in-flight files go.
   */
  @IsInt()
  @Min(1)
  @Max(86400)
  ORPHAN_GRACE_SECONDS: number = 600;
}
