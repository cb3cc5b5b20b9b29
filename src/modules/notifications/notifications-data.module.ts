import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DigestItemRepository } from './email/digest-item.repository';
import { DigestItem, DigestItemSchema } from './email/digest-item.schema';
import { EmailPreferenceRepository } from './email/email-preference.repository';
import { EmailPreference, EmailPreferenceSchema } from './email/email-preference.schema';
import { DeliveryEnqueuer } from './webhooks/delivery-enqueuer';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookDelivery, WebhookDeliverySchema } from './webhooks/webhook-delivery.schema';
import { WebhookEndpointRepository } from './webhooks/webhook-endpoint.repository';
import { WebhookEndpoint, WebhookEndpointSchema } from './webhooks/webhook-endpoint.schema';
import { WebhookSecrets } from './webhooks/webhook-secrets';
import { WebhookTargetPolicy } from './webhooks/webhook-target.policy';
import { AppConfig } from '../../config/app-config';

const REPOSITORIES = [
  WebhookEndpointRepository,
  WebhookDeliveryRepository,
  DigestItemRepository,
  EmailPreferenceRepository,
];

/** Notification persistence and the pieces both processes share. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: WebhookEndpoint.name, schema: WebhookEndpointSchema },
      { name: WebhookDelivery.name, schema: WebhookDeliverySchema },
      { name: DigestItem.name, schema: DigestItemSchema },
      { name: EmailPreference.name, schema: EmailPreferenceSchema },
    ]),
  ],
  providers: [
    ...REPOSITORIES,
    DeliveryEnqueuer,
    WebhookSecrets,
    {
      provide: WebhookTargetPolicy,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => WebhookTargetPolicy.fromConfig(config),
    },
  ],
  exports: [...REPOSITORIES, DeliveryEnqueuer, WebhookSecrets, WebhookTargetPolicy],
})
export class NotificationsDataModule {}
