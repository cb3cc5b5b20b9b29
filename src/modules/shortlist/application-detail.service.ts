import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/common/errors';
import { redactProfile } from '../../../libs/scoring';
import type { Role } from '../../common/security/roles';
import { ApplicationRecord, ApplicationRepository } from '../applications/application.repository';
import { ResumeRepository } from '../resumes/resume.repository';

export type ProfileView = 'full' | 'blind';

/** Hiring managers only ever see the blind view; others may ask for it. */
export function viewFor(roles: readonly Role[], requested?: ProfileView): ProfileView {
  const canSeeFull = roles.some((r) => r === 'recruiter' || r === 'service');
  return canSeeFull ? (requested ?? 'full') : 'blind';
}

@Injectable()
export class ApplicationDetailService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly resumes: ResumeRepository,
  ) {}

  async get(
    orgId: string,
    id: string,
    view: ProfileView,
  ): Promise<{ app: ApplicationRecord; profile: unknown; view: ProfileView }> {
    const app = await this.applications.findById(orgId, id);
    if (!app) throw new DomainError('APPLICATION.NOT_FOUND', 'No such application.', 'not_found');
    const resume = await this.resumes.findById(orgId, app.resumeId);
    const raw = resume?.profile;
    const profile = raw ? (view === 'blind' ? redactProfile(raw) : raw) : undefined;
    return { app, profile, view };
  }

  async history(orgId: string, id: string) {
    const app = await this.applications.findById(orgId, id);
    if (!app) throw new DomainError('APPLICATION.NOT_FOUND', 'No such application.', 'not_found');
    const events = [
      ...app.timeline.map((t) => ({
        at: t.at,
        type: 'status' as const,
        status: t.status,
        reason: t.reason,
      })),
      ...(app.decisions ?? []).map((d) => ({
        at: d.at,
        type: 'decision' as const,
        decision: d.value,
        reason: d.reason,
        actor: d.actor,
        score: d.score,
        modelVersion: d.modelVersion,
        jobRevision: d.jobRevision,
      })),
    ];
    return events.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  }
}
