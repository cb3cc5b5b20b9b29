import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { SsoUser, SsoUserSchema } from '../auth/sso/sso-user.schema';
import { JobsDataModule } from '../jobs/jobs-data.module';
import { DigestService } from './email/digest.service';
import { DigestScheduler } from './email/digest.scheduler';
import { EndpointAlertService } from './email/endpoint-alert.service';
import { Mailer } from './email/mailer';
import { RecipientDirectory } from './email/recipient-directory';
import { NotificationsDataModule } from './notifications-data.module';
import { NotifyProcessor } from './notify.processor';
import { DeliveryService } from './webhooks/delivery.service';
import { DeliverySweeper } from './webhooks/delivery-sweeper';
import { EndpointDisabler } from './webhooks/endpoint-disabler';
import { WebhookHttpClient } from './webhooks/webhook-http.client';
import { WebhookTargetPolicy } from './webhooks/webhook-target.policy';

/** Worker side: the notify processor, the outbox sweeper and the digest scheduler. */
@Module({
  imports: [
    NotificationsDataModule,
    JobsDataModule,
    AuditModule,
    MongooseModule.forFeature([{ name: SsoUser.name, schema: SsoUserSchema }]),
  ],
  providers: [
    {
      provide: WebhookHttpClient,
      inject: [WebhookTargetPolicy, AppConfig],
      useFactory: (policy: WebhookTargetPolicy, config: AppConfig) =>
        WebhookHttpClient.fromConfig(policy, config),
    },
    DeliveryService,
    EndpointDisabler,
    DeliverySweeper,
    Mailer,
    RecipientDirectory,
    DigestService,
    DigestScheduler,
    EndpointAlertService,
    NotifyProcessor,
  ],
})
export class NotificationsWorkerModule {}
