/**
 * A forked throughput worker for the pipeline suite: loads the model, warms up, says "ready",
 * then on "go" parses and scores its share of files and reports how many it finished.
 */
import { shutdownExtractors } from '../../libs/parsing';
import { ScreeningModel } from '../../libs/scoring';
import { benchJob, listResumes, timeOne } from './pipeline-files';

async function main(): Promise<void> {
  const [dir, shard, shards] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const files = listResumes(dir).filter((_, i) => i % shards === shard);
  const model = await ScreeningModel.load();
  const job = benchJob();
  for (const f of files.slice(0, 3)) await timeOne(f, model, job).catch(() => undefined);
  process.send?.('ready');
  process.once('message', async () => {
    let done = 0;
    for (const f of files) {
      await timeOne(f, model, job).catch(() => undefined);
      done++;
    }
    await shutdownExtractors();
    process.send?.({ done }, () => process.exit(0));
  });
}

void main();
