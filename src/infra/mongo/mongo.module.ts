import { Global, Logger, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose, { Connection } from 'mongoose';
import { AppConfig } from '../../config/app-config';
import { MongoSupervisor } from './mongo-supervisor';

// Operator injection guard: `{ $gt: '' }` in a filter value becomes a literal, and unknown
// filter paths are rejected rather than silently ignored.
mongoose.set('strictQuery', 'throw');
mongoose.set('sanitizeFilter', true);

const logger = new Logger('Mongo');

/** Lost connections must never end the process; readiness reports them instead. */
export function superviseConnection(connection: Connection): Connection {
  connection.on('error', (err: Error) => logger.warn(`mongo: ${err.message}`));
  connection.on('disconnected', () => logger.warn('mongo: disconnected'));
  connection.on('reconnected', () => logger.log('mongo: reconnected'));
  return connection;
}

@Global()
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        uri: config.MONGO_URI,
        lazyConnection: true,
        serverSelectionTimeoutMS: 3000,
        connectTimeoutMS: 3000,
        heartbeatFrequencyMS: 2000,
        // Commands fail fast while disconnected (mapped to 503) instead of hanging in a buffer.
        bufferCommands: false,
        // MongoSupervisor builds indexes on every (re)connect; autoIndex would race the lazy connection.
        autoIndex: false,
        connectionFactory: superviseConnection,
      }),
    }),
  ],
  providers: [MongoSupervisor],
  exports: [MongoSupervisor],
})
export class MongoModule {}
