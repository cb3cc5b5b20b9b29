import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { DomainError } from '../../../../libs/common/errors';
import { inList } from '../../../infra/mongo/trusted';
import { ApplicationRecord } from '../../applications/application.repository';
import { Application } from '../../applications/application.schema';
import { ResumeRecord } from '../../resumes/resume.repository';
import { Resume } from '../../resumes/resume.schema';
import type { ErasureSubject } from './erasure.types';

export interface SubjectQuery {
  resumeId?: string;
  email?: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/;

/** Checks a data-subject request names exactly one resume id or one e-mail address. */
export function validateSubjectQuery(q: SubjectQuery): SubjectQuery {
  const { resumeId, email } = q;
  if ((resumeId === undefined) === (email === undefined)) {
    throw new DomainError(
      'CANDIDATE.BAD_QUERY',
      'Give exactly one of resumeId or email.',
      'validation',
    );
  }
  if (
    resumeId !== undefined &&
    !(
      typeof resumeId === 'string' &&
      Types.ObjectId.isValid(resumeId) &&
      /^[a-f\d]{24}$/i.test(resumeId)
    )
  ) {
    throw new DomainError('CANDIDATE.BAD_QUERY', 'resumeId must be a resume id.', 'validation');
  }
  if (email !== undefined && !(typeof email === 'string' && EMAIL.test(email))) {
    throw new DomainError('CANDIDATE.BAD_QUERY', 'email must be an e-mail address.', 'validation');
  }
  return { resumeId, email: email?.trim() };
}

/** Finds every resume and application of one person in one org. */
@Injectable()
export class CandidateLocator {
  constructor(
    @InjectModel(Resume.name) private readonly resumes: Model<Resume>,
    @InjectModel(Application.name) private readonly applications: Model<Application>,
  ) {}

  async locate(orgId: string, query: SubjectQuery): Promise<ErasureSubject> {
    const q = validateSubjectQuery(query);
    const resumes = q.resumeId
      ? await this.resumes.find({ orgId, _id: q.resumeId }).lean<ResumeRecord[]>().exec()
      : await this.resumes
          .find({
            orgId,
            'profile.contact.email.value': inList([...new Set([q.email, q.email?.toLowerCase()])]),
          })
          .lean<ResumeRecord[]>()
          .exec();
    if (!resumes.length)
      throw new DomainError('CANDIDATE.NOT_FOUND', 'No resume matches this request.', 'not_found');
    return this.subjectOf(orgId, resumes);
  }

  /** The subject for resumes already in hand (retention). */
  async subjectOf(orgId: string, resumes: ResumeRecord[]): Promise<ErasureSubject> {
    const resumeIds = resumes.map((r) => String(r._id));
    const applications = await this.applications
      .find({ orgId, resumeId: inList(resumeIds) })
      .lean<ApplicationRecord[]>()
      .exec();
    const identifiers = new Set<string>();
    for (const r of resumes) {
      identifiers.add(r.sha256);
      const email = r.profile?.contact.email?.value;
      if (email) identifiers.add(email);
    }
    return {
      orgId,
      resumes,
      applications,
      resumeIds,
      applicationIds: applications.map((a) => String(a._id)),
      jobIds: [...new Set(applications.map((a) => a.jobId))],
      identifiers: [...identifiers],
    };
  }
}
