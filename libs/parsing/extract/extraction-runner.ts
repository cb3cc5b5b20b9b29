import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainError } from '../../common/errors';
import { isParseErrorCode, parseError, PARSE_ERRORS } from '../parse-errors';
import type { ExtractReply, ExtractRequest } from './extract-protocol';
import type { ExtractedText } from './extract.types';

/**
 * Runs extraction in a child process, because pdf.js blocks its event loop for the whole parse
 * (timers starve, so in-process timeouts never fire). The parent enforces a wall-clock limit and
 * a resident-memory cap (polled from /proc; V8's heap flag alone misses ArrayBuffers) and kills
 * the child with SIGKILL when either is exceeded. Healthy children are kept warm for reuse.
 */
export interface RunLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

interface Child {
  proc: ChildProcess;
  memoryMb: number;
  jobs: number;
  stderr: string;
  idleTimer?: NodeJS.Timeout;
}

const POLL_MS = 25;
const IDLE_MS = 15_000;
/**
 * A child is recycled after this many files, or sooner once its resident memory passes half the
 * cap (pdf.js keeps font and cmap caches); a fresh child costs ~150 ms of start-up and cold JIT.
 */
const MAX_JOBS_PER_CHILD = 500;
const RECYCLE_AT_MEMORY_SHARE = 0.5;
const MAX_IDLE_CHILDREN = 2;

const idle: Child[] = [];
const live = new Set<Child>();

export async function runInChild(req: ExtractRequest, limits: RunLimits): Promise<ExtractedText> {
  const child = takeIdle(limits.maxMemoryMb) ?? spawnChild(limits.maxMemoryMb);
  child.proc.ref();
  (child.proc.channel as { ref?: () => void } | undefined)?.ref?.();
  return new Promise<ExtractedText>((resolve, reject) => {
    let killedFor: 'timeout' | 'memory' | null = null;
    const finish = () => {
      clearTimeout(timer);
      clearInterval(poll);
      child.proc.off('message', onMessage);
      child.proc.off('exit', onExit);
    };
    const kill = (why: 'timeout' | 'memory') => {
      killedFor = why;
      child.proc.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill('timeout'), limits.timeoutMs);
    const poll = setInterval(() => {
      if (residentMb(child.proc.pid) > limits.maxMemoryMb) kill('memory');
    }, POLL_MS);
    const onMessage = (reply: ExtractReply) => {
      finish();
      release(child);
      if (reply.ok) resolve(reply.result);
      else reject(toError(reply));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish();
      live.delete(child);
      reject(exitError(killedFor, code, signal, child.stderr, limits));
    };
    child.proc.on('message', onMessage);
    child.proc.once('exit', onExit);
    child.proc.send(req, (err) => {
      if (err && !killedFor) kill('timeout');
    });
  });
}

/** Kills every extraction child (for shutdown hooks and test teardown). */
export async function shutdownExtractors(): Promise<void> {
  const all = [...live];
  idle.length = 0;
  await Promise.all(
    all.map(
      (c) =>
        new Promise<void>((done) => {
          if (c.proc.exitCode !== null || c.proc.signalCode !== null) return done();
          c.proc.once('exit', () => done());
          // Idle children are unref'd; without a ref the loop can empty before 'exit' arrives,
          // ending the process mid-await (a CLI would then exit 0 whatever it meant to return).
          c.proc.ref();
          c.proc.kill('SIGKILL');
        }),
    ),
  );
  live.clear();
}

function spawnChild(memoryMb: number): Child {
  // Under ts-jest or in development this file is TypeScript, and so is the child entry.
  const fromTs = __filename.endsWith('.ts');
  const entry = join(__dirname, fromTs ? 'extract-child.ts' : 'extract-child.js');
  const execArgv = [`--max-old-space-size=${memoryMb}`];
  if (fromTs) execArgv.push('--require', join(__dirname, 'ts-register.js'));
  const proc = fork(entry, [], {
    execArgv,
    // The child handles hostile input: it gets no secrets from the environment and no NODE_OPTIONS.
    env: { NODE_ENV: process.env.NODE_ENV ?? 'production', TZ: 'UTC' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const child: Child = { proc, memoryMb, jobs: 0, stderr: '' };
  proc.stderr?.on('data', (d: Buffer) => {
    child.stderr = (child.stderr + d.toString('utf8')).slice(-4096);
  });
  proc.on('exit', () => {
    live.delete(child);
    const i = idle.indexOf(child);
    if (i >= 0) idle.splice(i, 1);
  });
  live.add(child);
  return child;
}

function takeIdle(memoryMb: number): Child | undefined {
  const i = idle.findIndex((c) => c.memoryMb === memoryMb);
  if (i < 0) return undefined;
  const [child] = idle.splice(i, 1);
  clearTimeout(child.idleTimer);
  return child;
}

/** Returns a healthy child to the pool, unreferenced so that it never keeps the process alive. */
function release(child: Child): void {
  child.jobs++;
  const worn =
    child.jobs >= MAX_JOBS_PER_CHILD ||
    residentMb(child.proc.pid) > child.memoryMb * RECYCLE_AT_MEMORY_SHARE;
  if (worn || idle.length >= MAX_IDLE_CHILDREN) {
    child.proc.kill('SIGKILL');
    return;
  }
  child.proc.unref();
  (child.proc.channel as { unref?: () => void } | undefined)?.unref?.();
  child.idleTimer = setTimeout(() => child.proc.kill('SIGKILL'), IDLE_MS);
  child.idleTimer.unref();
  idle.push(child);
}

/** Resident set size of a process in MiB; 0 where /proc is unavailable. */
function residentMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function toError(reply: Extract<ExtractReply, { ok: false }>): DomainError {
  const code = isParseErrorCode(reply.code) ? reply.code : PARSE_ERRORS.EXTRACTION_FAILED;
  return parseError(code, reply.message, reply.details);
}

function exitError(
  killedFor: 'timeout' | 'memory' | null,
  code: number | null,
  signal: NodeJS.Signals | null,
  stderr: string,
  limits: RunLimits,
): DomainError {
  if (killedFor === 'timeout') {
    return parseError(PARSE_ERRORS.TIMEOUT, `extraction exceeded ${limits.timeoutMs} ms`, {
      timeoutMs: limits.timeoutMs,
    });
  }
  if (killedFor === 'memory' || /heap out of memory|Allocation failed/i.test(stderr)) {
    return parseError(
      PARSE_ERRORS.RESOURCE_LIMIT,
      `extraction exceeded ${limits.maxMemoryMb} MiB`,
      {
        maxMemoryMb: limits.maxMemoryMb,
      },
    );
  }
  return parseError(
    PARSE_ERRORS.EXTRACTION_FAILED,
    `extractor exited (code ${code}, signal ${signal})`,
  );
}
