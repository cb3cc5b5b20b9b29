import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { shutdownExtractors } from '../../libs/parsing';

/** Kills the parser's extraction child processes when the app closes, in both processes. */
@Injectable()
export class ExtractorLifecycle implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await shutdownExtractors();
  }
}
