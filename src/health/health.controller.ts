import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { MongoSupervisor } from '../infra/mongo/mongo-supervisor';
import { RedisService } from '../infra/redis/redis.service';
import { READINESS_CHECKS, ReadinessCheck, ShutdownState } from './readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly mongo: MongoSupervisor,
    private readonly redis: RedisService,
    private readonly shutdown: ShutdownState,
    @Optional() @Inject(READINESS_CHECKS) private readonly extra: ReadinessCheck[] = [],
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up and its event loop turns.' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: Mongo, Redis (and on workers the model) are usable.' })
  ready() {
    return this.health.check([
      () => this.probe('process', async () => (this.shutdown.draining ? 'shutting down' : null)),
      () => this.probe('mongo', async () => this.mongoState()),
      () => this.probe('redis', async () => ((await this.redis.ping()) ? null : 'unreachable')),
      ...this.extra.map((c) => () => this.probe(c.key, () => c.check())),
    ]);
  }

  private async mongoState(): Promise<string | null> {
    if (!(await this.mongo.ping())) return 'unreachable';
    return this.mongo.indexesReady ? null : 'building indexes';
  }

  private async probe(
    key: string,
    fn: () => Promise<string | null>,
  ): Promise<HealthIndicatorResult> {
    const ind = this.indicator.check(key);
    const reason = await fn().catch((e: Error) => e.message);
    return reason ? ind.down({ reason }) : ind.up();
  }
}
