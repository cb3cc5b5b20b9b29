/**
 * `npm run drill -- <name|all> [--ci]`: runs fault drills against real processes and prints one
 * table (`--ci` for the small CI counts, `--count n --rate r` to override). Exits 1 when any row lost an application or failed its check, 2 when a drill is not built.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/paths';
import { machineLine } from '../lib/report';
import { CI, DRILLS, drillTable, FULL, runDrills, type DrillName } from './drill-runner';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const which =
    args.find((a, i) => !a.startsWith('--') && !['--count', '--rate'].includes(args[i - 1])) ??
    'all';
  const names = which === 'all' ? DRILLS : (which.split(',') as DrillName[]);
  const bad = names.filter((n) => !DRILLS.includes(n));
  if (bad.length) {
    console.error(`unknown drill ${bad.join(', ')}; one of ${DRILLS.join(', ')} or all`);
    return 2;
  }
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const base = args.includes('--ci') ? CI : FULL;
  // --count/--rate override the scale (e.g. a shorter full run); the table says which was used.
  const scale = {
    ...base,
    count: flag('--count') ?? base.count,
    rate: flag('--rate') ?? base.rate,
  };
  const machine = machineLine();
  const rows = await runDrills(names, scale);
  const text = drillTable(rows);
  console.log(text);
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `drills-${which.replace(/,/g, '+')}.md`),
    `# Fault drills (${which})\n\nRun ${new Date().toISOString()} on ${machine}, scale ${JSON.stringify(scale)}.\n\n${text}`,
  );
  writeFileSync(
    join(dir, `drills-${which.replace(/,/g, '+')}.json`),
    JSON.stringify({ machine, scale, rows }, null, 2),
  );
  if (rows.some((r) => r.faults === 'NOT IMPLEMENTED'))
    return rows.some((r) => !r.ok && r.faults !== 'NOT IMPLEMENTED') ? 1 : 2;
  return rows.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
