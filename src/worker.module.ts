import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';
import { ComplianceWorkerModule } from './modules/compliance/compliance-worker.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { ResumesWorkerModule } from './modules/resumes/resumes-worker.module';
import { ScreeningWorkerModule } from './modules/screening/screening-worker.module';
import { ScreeningModelHolder } from './modules/screening/screening-model.holder';
import { WorkerLifecycleModule } from './queues/worker-lifecycle';

/** The worker process: BullMQ processors; serves only probes and metrics over HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        ScreeningWorkerModule,
        ComplianceWorkerModule,
        NotificationsWorkerModule,
        ResumesWorkerModule,
        WorkerLifecycleModule,
        HealthModule.forRoot({ imports: [ScreeningWorkerModule], checks: [ScreeningModelHolder] }),
      ],
    };
  }
}
