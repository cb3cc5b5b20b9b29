import { Global, Module } from '@nestjs/common';
import { EventPublisher } from './event-publisher';
import { NotificationsDataModule } from './notifications-data.module';

/** Makes `EventPublisher` available to every producer in both processes. */
@Global()
@Module({
  imports: [NotificationsDataModule],
  providers: [EventPublisher],
  exports: [EventPublisher],
})
export class EventsModule {}
