import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationPreferencesController } from './email/notification-preferences.controller';
import { NotificationPreferencesService } from './email/notification-preferences.service';
import { NotificationsDataModule } from './notifications-data.module';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** API side: webhook endpoint management, delivery log and replay, e-mail preferences. */
@Module({
  imports: [NotificationsDataModule, AuditModule],
  controllers: [WebhooksController, NotificationPreferencesController],
  providers: [WebhooksService, NotificationPreferencesService],
})
export class NotificationsModule {}
