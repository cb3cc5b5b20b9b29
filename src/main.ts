import './instrument';
import { createApiApp } from './app.factory';
import { configOrExit } from './bootstrap';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await createApiApp(config);
  await app.listen(config.PORT);
}

void bootstrap();
