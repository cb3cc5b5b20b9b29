import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/common/errors';
import { SkillTaxonomy } from '../../../libs/taxonomy';
import type { Request } from 'express';
import { QueueName } from '../../queues/queue-names';
import { QueueProducer } from '../../queues/queue-producer';
import { EventPublisher } from '../notifications/event-publisher';
import { CreateJobDto, JobPage, toJobView, UpdateJobDto } from './job.dto';
import { JobCache } from './job-cache';
import { JobPostingReader } from './job-posting-reader';
import { JobRecord, JobRepository } from './job.repository';
import { Job, JobStatus, SkillRequirement } from './job.schema';

/** Fields whose change alters scores: a change bumps the revision and re-screens the job. */
const REQUIREMENT_FIELDS = [
  'title',
  'description',
  'requiredSkills',
  'preferredSkills',
  'minYears',
  'educationLevel',
  'thresholds',
] as const;

/** Canonical taxonomy names; unknown skills are kept as typed and flagged, duplicates dropped. */
export function normalizeSkills(
  names: string[] = [],
  taxonomy = SkillTaxonomy.default(),
): SkillRequirement[] {
  const seen = new Set<string>();
  const out: SkillRequirement[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const n = taxonomy.normalize(name);
    const value = n.known ? n.canonical : name;
    if (seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push({ name: value, known: n.known });
  }
  return out;
}

const notFound = () => new DomainError('JOB.NOT_FOUND', 'No such job.', 'not_found');

function checkThresholds(t?: { strongFit: number; potentialFit: number }) {
  if (t && t.potentialFit > t.strongFit) {
    throw new DomainError(
      'JOB.INVALID_THRESHOLDS',
      'potentialFit must not exceed strongFit.',
      'validation',
    );
  }
}

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly cache: JobCache,
    private readonly producer: QueueProducer,
    private readonly events: EventPublisher,
    private readonly postings: JobPostingReader,
  ) {}

  async create(orgId: string, ownerId: string, dto: CreateJobDto): Promise<JobRecord> {
    checkThresholds(dto.thresholds);
    const job = await this.jobs.create({
      orgId,
      ownerId,
      title: dto.title.trim(),
      description: dto.description ?? '',
      requiredSkills: normalizeSkills(dto.requiredSkills),
      preferredSkills: normalizeSkills(dto.preferredSkills),
      minYears: dto.minYears,
      educationLevel: dto.educationLevel,
      location: dto.location,
      remote: dto.remote ?? false,
      thresholds: dto.thresholds,
      status: dto.status ?? 'open',
    });
    await this.cache.invalidateOrgJobs(orgId);
    return job;
  }

  /** A draft from an uploaded posting: the recruiter reviews the extracted requirements, then opens it. */
  async createFromFile(orgId: string, ownerId: string, req: Request): Promise<JobRecord> {
    const posting = await this.postings.read(req);
    return this.create(orgId, ownerId, {
      title: (posting.title || 'Untitled job').slice(0, 200),
      description: posting.description,
      requiredSkills: posting.requiredSkills.slice(0, 50),
      preferredSkills: posting.preferredSkills.slice(0, 50),
      minYears: posting.minYears,
      educationLevel: posting.educationLevel,
      status: 'draft',
    });
  }

  async get(orgId: string, id: string) {
    const view = await this.cache.read('job', 'job', orgId, id, 'detail', async () => {
      const job = await this.jobs.findById(orgId, id);
      return job ? toJobView(job) : null;
    });
    if (!view) throw notFound();
    return view;
  }

  list(
    orgId: string,
    status: JobStatus[] | undefined,
    cursor: string | undefined,
    limit = 20,
  ): Promise<JobPage> {
    const part = JSON.stringify([status ?? [], cursor ?? '', limit]);
    return this.cache.read('jobs', 'org', orgId, 'jobs', part, async () => {
      const rows = await this.jobs.list(orgId, status, cursor, limit);
      const items = rows.slice(0, limit).map(toJobView);
      return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : undefined };
    });
  }

  async update(orgId: string, id: string, dto: UpdateJobDto): Promise<JobRecord> {
    checkThresholds(dto.thresholds);
    const set: Partial<Job> = { ...dto } as Partial<Job>;
    if (dto.requiredSkills) set.requiredSkills = normalizeSkills(dto.requiredSkills);
    if (dto.preferredSkills) set.preferredSkills = normalizeSkills(dto.preferredSkills);
    const bump = REQUIREMENT_FIELDS.some((f) => dto[f] !== undefined);
    const from: JobStatus[] =
      dto.status === 'open' ? ['draft', 'open'] : ['draft', 'open', 'closed'];
    const job = await this.jobs.update(orgId, id, set, bump, from);
    if (!job) throw await this.whyNot(orgId, id);
    await this.cache.invalidateJob(orgId, id);
    if (bump) await this.rescreen(job);
    return job;
  }

  async setStatus(orgId: string, id: string, to: 'closed' | 'archived'): Promise<JobRecord> {
    const from: JobStatus[] = to === 'closed' ? ['open', 'draft'] : ['draft', 'open', 'closed'];
    const job = await this.jobs.update(orgId, id, { status: to }, false, from);
    if (!job) throw await this.whyNot(orgId, id);
    await this.cache.invalidateJob(orgId, id);
    if (to === 'closed') {
      await this.events.publish({
        type: 'job.closed',
        orgId,
        id: `job.closed:${id}`,
        time: new Date(),
        subject: `/jobs/${id}`,
        data: { jobId: id, title: job.title, links: { job: `/jobs/${id}` } },
      });
    }
    return job;
  }

  private async whyNot(orgId: string, id: string): Promise<DomainError> {
    const job = await this.jobs.findById(orgId, id);
    if (!job) return notFound();
    return new DomainError(
      'JOB.INVALID_TRANSITION',
      `The job is ${job.status}; that change is not allowed.`,
      'conflict',
      {
        status: job.status,
      },
    );
  }

  /** Re-scores the job's applications in the worker, at the new revision. */
  private async rescreen(job: JobRecord): Promise<void> {
    const jobId = String(job._id);
    await this.producer.add(QueueName.Maintenance, `rescreen_${jobId}_r${job.revision}`, {
      task: 'rescreen-job',
      orgId: job.orgId,
      jobId,
      revision: job.revision,
    });
  }
}
