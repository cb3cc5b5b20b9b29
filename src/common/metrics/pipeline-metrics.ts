import { Counter, Histogram, register } from 'prom-client';

// Module-level singletons: prom-client's registry is per process, and the API and worker each
// register only the metrics whose code they load.
function counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
  return (
    (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames })
  );
}
function histogram(name: string, help: string, buckets: number[], labelNames: string[] = []) {
  return (
    (register.getSingleMetric(name) as Histogram<string>) ??
    new Histogram({ name, help, buckets, labelNames })
  );
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const uploadsTotal = () =>
  counter('screener_uploads_total', 'Uploaded files by outcome', ['outcome']);
export const uploadBytes = () =>
  counter('screener_upload_bytes_total', 'Bytes of accepted resume files');
export const parseDuration = () =>
  histogram('screener_parse_duration_seconds', 'Resume parse time (extract + profile)', SECONDS, [
    'kind',
  ]);
export const inferenceDuration = () =>
  histogram(
    'screener_inference_duration_seconds',
    'Score + explanation time per application',
    SECONDS,
  );
export const stageDuration = () =>
  histogram('screener_stage_duration_seconds', 'Worker stage duration', SECONDS, [
    'stage',
    'outcome',
  ]);
/** One per attempt: `delivered`, `failed` (will retry) or `dead_lettered` (the delivery gave up). */
export const webhookDeliveries = () =>
  counter('screener_webhook_deliveries_total', 'Webhook delivery attempts by outcome', ['outcome']);
/** Orphaned GridFS resume data removed: `file` (a files doc with its chunks) or `chunk` (no files doc). */
export const orphansRemoved = () =>
  counter('screener_orphans_removed_total', 'Orphaned GridFS resume data removed, by kind', [
    'kind',
  ]);
/** Orphan sweeps this worker ran (it held the period's lock), by `ok` or `failed`. */
export const orphanSweeps = () =>
  counter('screener_orphan_sweeps_total', 'Orphaned-file sweeps run, by outcome', ['outcome']);
