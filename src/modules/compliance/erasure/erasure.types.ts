import { Injectable } from '@nestjs/common';
import type { ApplicationRecord } from '../../applications/application.repository';
import type { ResumeRecord } from '../../resumes/resume.repository';

/** Everything stored about one person in one org, as found by resume id or e-mail. */
export interface ErasureSubject {
  orgId: string;
  resumes: ResumeRecord[];
  applications: ApplicationRecord[];
  resumeIds: string[];
  applicationIds: string[];
  jobIds: string[];
  /** Literal identifiers whose presence anywhere would be a trace: e-mails, file hashes. */
  identifiers: string[];
}

/** What one step removed, for the erasure certificate. */
export interface ErasureItem {
  store: string;
  action: 'deleted' | 'anonymised' | 'hashed' | 'invalidated';
  count: number;
  detail?: string;
}

/**
 * A store outside this module that holds personal data (e.g. webhook delivery bodies). Its owner
 * registers it with `ErasureRegistry.register` at start-up; erasure and export then include it.
 */
export interface PersonalDataEraser {
  /** Store name used on the certificate, e.g. `webhookDeliveries`. */
  readonly store: string;
  erase(subject: ErasureSubject, at: Date): Promise<ErasureItem[]>;
  export?(subject: ErasureSubject): Promise<unknown[]>;
}

/** The pluggable part of erasure: steps contributed by other modules. */
@Injectable()
export class ErasureRegistry {
  private readonly erasers: PersonalDataEraser[] = [];

  register(eraser: PersonalDataEraser): void {
    if (!this.erasers.some((e) => e.store === eraser.store)) this.erasers.push(eraser);
  }

  all(): readonly PersonalDataEraser[] {
    return this.erasers;
  }
}
