/** Extra readiness checks a process contributes (e.g. the worker's "model loaded"). */
export interface ReadinessCheck {
  key: string;
  /** Resolves to null when healthy, or to a reason when not. */
  check(): Promise<string | null>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Flipped on SIGTERM so load balancers stop routing before in-flight work drains. */
export class ShutdownState {
  draining = false;
}
