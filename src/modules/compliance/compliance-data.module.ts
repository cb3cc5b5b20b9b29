import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ApplicationsDataModule } from '../applications/applications-data.module';
import { Application, ApplicationSchema } from '../applications/application.schema';
import { AuditModule } from '../audit/audit.module';
import { IdempotencyKey, IdempotencyKeySchema } from '../intake/idempotency.schema';
import { DigestItem, DigestItemSchema } from '../notifications/email/digest-item.schema';
import {
  WebhookDelivery,
  WebhookDeliverySchema,
} from '../notifications/webhooks/webhook-delivery.schema';
import { ResumesDataModule } from '../resumes/resumes-data.module';
import { Resume, ResumeSchema } from '../resumes/resume.schema';
import { Clock } from './clock';
import { DecisionLogModule } from './decision-log/decision-log.module';
import { DemographicsRepository } from './demographics/demographics.repository';
import { SelfIdentification, SelfIdentificationSchema } from './demographics/demographics.schema';
import { CandidateLocator } from './erasure/candidate-locator';
import { ErasedApplication, ErasedApplicationSchema } from './erasure/erased-application.schema';
import { ErasureCertificate, ErasureCertificateSchema } from './erasure/erasure-certificate.schema';
import { ErasureService } from './erasure/erasure.service';
import { NotificationEraser } from './erasure/notification-eraser';
import { ErasureRegistry } from './erasure/erasure.types';
import { ExportService } from './erasure/export.service';
import { RedisEraser } from './erasure/redis-eraser';
import { StoreErasers } from './erasure/store-erasers';
import { RetentionSettings, RetentionSettingsSchema } from './retention/retention-settings.schema';
import { RetentionService } from './retention/retention.service';

/**
 * Compliance services shared by the API (requests) and the worker (retention). A module that
 * holds personal data elsewhere imports this and registers a `PersonalDataEraser` with
 * `ErasureRegistry` so erasure and export reach it.
 */
@Module({
  imports: [
    // The worker does not load AuditModule otherwise; erasure records to the audit trail.
    AuditModule,
    ResumesDataModule,
    ApplicationsDataModule,
    DecisionLogModule,
    MongooseModule.forFeature([
      { name: SelfIdentification.name, schema: SelfIdentificationSchema },
      { name: ErasedApplication.name, schema: ErasedApplicationSchema },
      { name: ErasureCertificate.name, schema: ErasureCertificateSchema },
      { name: RetentionSettings.name, schema: RetentionSettingsSchema },
      // Owned by other modules; registered here too so erasure can reach them in either process.
      { name: Resume.name, schema: ResumeSchema },
      { name: Application.name, schema: ApplicationSchema },
      { name: IdempotencyKey.name, schema: IdempotencyKeySchema },
      { name: WebhookDelivery.name, schema: WebhookDeliverySchema },
      { name: DigestItem.name, schema: DigestItemSchema },
    ]),
  ],
  providers: [
    Clock,
    DemographicsRepository,
    CandidateLocator,
    RedisEraser,
    StoreErasers,
    ErasureRegistry,
    NotificationEraser,
    ErasureService,
    ExportService,
    RetentionService,
  ],
  exports: [
    MongooseModule,
    ApplicationsDataModule,
    Clock,
    DemographicsRepository,
    ErasureRegistry,
    ErasureService,
    ExportService,
    RetentionService,
  ],
})
export class ComplianceDataModule {}
