import type { SuiteResult } from '../lib/report';

export interface SuiteArgs {
  /** --data <dir>: the dataset folder (pipeline). */
  data?: string;
  /** --runs <n>: repetitions whose median is reported. */
  runs: number;
  /** --count <n>: resumes for the memory suite's worker run; 0 skips it. */
  count?: number;
  /** --quick: smaller counts, for a smoke run. */
  quick: boolean;
}

export type Suite = (args: SuiteArgs) => Promise<SuiteResult>;
