import { renderTable, type Row } from '../lib/report';
import type { DrillRow } from './drill-kit';
import { poisonDrill } from './poison.drill';
import { redisRestartDrill } from './redis-restart.drill';
import { workerKillDrill } from './worker-kill.drill';
import { mongoRestartDrill } from './mongo-restart.drill';
import { webhookOutageDrill, webhookOutageMs } from './webhook-outage.drill';
import { soakDrill } from './soak.drill';

export type DrillName =
  'worker-kill' | 'redis-restart' | 'mongo-restart' | 'poison' | 'webhook-outage' | 'soak';
export const DRILLS: DrillName[] = [
  'worker-kill',
  'redis-restart',
  'mongo-restart',
  'poison',
  'webhook-outage',
  'soak',
];

/** Counts per drill; `full` is the spec, `ci` the small counts CI runs. */
export interface DrillScale {
  count: number;
  hostile: number;
  rate: number;
}
export const FULL: DrillScale = { count: 500, hostile: 50, rate: 25 };
export const CI: DrillScale = { count: 30, hostile: 14, rate: 20 };

export async function runDrill(name: DrillName, scale: DrillScale): Promise<DrillRow> {
  switch (name) {
    case 'worker-kill':
      return workerKillDrill({ count: scale.count, rate: scale.rate });
    case 'redis-restart':
      return redisRestartDrill({ count: scale.count, rate: scale.rate });
    case 'mongo-restart':
      return mongoRestartDrill({ count: scale.count, rate: scale.rate });
    case 'poison':
      return poisonDrill({ count: scale.count, hostile: scale.hostile, rate: scale.rate });
    case 'webhook-outage':
      return webhookOutageDrill({
        count: scale.count,
        rate: scale.rate,
        outageMs: webhookOutageMs(scale.count >= FULL.count),
      });
    case 'soak':
      // Duration, not count, sets a soak's size: 10 min at the full scale, 60 s below it.
      return soakDrill({ short: scale.count < FULL.count });
    default:
      // Not built yet: say so instead of printing a row that looks like a pass.
      return {
        drill: name,
        faults: 'NOT IMPLEMENTED',
        accepted: 0,
        screened: 0,
        needsReviewOrFailedWithReason: 0,
        lost: 0,
        notes: ['this drill is not implemented yet'],
        ok: false,
      };
  }
}

/** Runs drills one after another; a drill that throws is a failed row, not a crash. */
export async function runDrills(names: DrillName[], scale: DrillScale): Promise<DrillRow[]> {
  const rows: DrillRow[] = [];
  for (const name of names) {
    const started = Date.now();
    try {
      const row = await runDrill(name, scale);
      row.notes.push(`took ${Math.round((Date.now() - started) / 1000)} s`);
      rows.push(row);
    } catch (err) {
      rows.push({
        drill: name,
        faults: 'ERROR',
        accepted: 0,
        screened: 0,
        needsReviewOrFailedWithReason: 0,
        lost: NaN,
        notes: [String((err as Error).stack ?? err).slice(0, 1500)],
        ok: false,
      });
    }
  }
  return rows;
}

export function drillTable(rows: DrillRow[]): string {
  const table: Row[] = rows.map((r) => ({
    drill: r.drill,
    'faults injected': r.faults,
    'applications accepted': r.accepted,
    screened: r.screened,
    'needs_review/failed with a reason': r.needsReviewOrFailedWithReason,
    lost: r.lost,
    result: r.ok ? 'pass' : 'FAIL',
  }));
  const notes = rows.flatMap((r) => r.notes.map((n) => `- ${r.drill}: ${n}`));
  return `${renderTable({ title: 'Fault drills', rows: table })}\n${notes.join('\n')}\n`;
}
