import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { SecurityModule } from './common/security/security.module';
import { HealthModule } from './health/health.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ComplianceModule } from './modules/compliance/compliance.module';
import { IntakeModule } from './modules/intake/intake.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { ModelsModule } from './modules/models/models.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrgsModule } from './modules/orgs/orgs.module';
import { ShortlistModule } from './modules/shortlist/shortlist.module';

/** The HTTP API process: REST, auth and uploads. It never loads the ONNX model. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        HealthModule.forRoot(),
        AuditModule,
        SecurityModule,
        OrgsModule,
        AuthModule,
        JobsModule,
        IntakeModule,
        ShortlistModule,
        ModelsModule,
        ComplianceModule,
        NotificationsModule,
      ],
    };
  }
}
