import { DynamicModule, ForwardReference, Module, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, ReadinessCheck, ShutdownState } from './readiness';

interface HealthOptions {
  /** Modules that export the extra checks (their providers stay singletons). */
  imports?: (Type | DynamicModule | ForwardReference)[];
  /** Process-specific readiness checks, e.g. the worker's model check. */
  checks?: Type<ReadinessCheck>[];
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        ShutdownState,
        {
          provide: READINESS_CHECKS,
          useFactory: (...found: ReadinessCheck[]) => found,
          inject: options.checks ?? [],
        },
      ],
      exports: [ShutdownState],
    };
  }
}
