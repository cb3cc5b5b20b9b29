import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, ShutdownState } from './readiness';

@Module({})
export class HealthModule {
  /** `checks` adds process-specific readiness checks, e.g. the worker's model check. */
  static forRoot(checks: Provider[] = []): DynamicModule {
    return {
      module: HealthModule,
      global: true,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false })],
      controllers: [HealthController],
      providers: [
        ShutdownState,
        ...checks,
        {
          provide: READINESS_CHECKS,
          useFactory: (...found: unknown[]) => found,
          inject: checks.map((c) => ('provide' in c ? c.provide : c)),
        },
      ],
      exports: [ShutdownState],
    };
  }
}
