import './instrument';
import { createWorkerApp } from './app.factory';
import { configOrExit } from './bootstrap';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await createWorkerApp(config);
  await app.listen(config.WORKER_PORT);
}

void bootstrap();
