import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { ShutdownState } from './health/readiness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGTERM/SIGINT: readiness turns 503 first, then after `drainMs` (time for the load balancer to
 * notice) the app closes: the HTTP server stops accepting and finishes in-flight requests, BullMQ
 * workers finish their active jobs. Past `timeoutMs` the process exits 1; a clean drain exits 0.
 */
export function installGracefulShutdown(
  app: INestApplication,
  drainMs: number,
  timeoutMs: number,
): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: draining (readiness 503), closing in ${drainMs} ms`);
    app.get(ShutdownState).draining = true;
    const deadline = setTimeout(() => {
      logger.error(`shutdown exceeded ${timeoutMs} ms; exiting with in-flight work handed back`);
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    void sleep(drainMs)
      .then(() => app.close())
      .then(() => {
        logger.log('drained; exiting');
        process.exit(0);
      })
      .catch((err: Error) => {
        logger.error(`shutdown failed: ${err.message}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
