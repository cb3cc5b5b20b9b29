import './instrument';
import { createWorkerApp } from './app.factory';
import { configOrExit } from './bootstrap';
import { installGracefulShutdown } from './shutdown';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await createWorkerApp(config);
  installGracefulShutdown(app, config.SHUTDOWN_DRAIN_MS, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.WORKER_PORT);
}

bootstrap().catch((err: Error) => {
  process.stderr.write(`worker failed to start: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
