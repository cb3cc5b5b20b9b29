import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { eventually } from '../helpers/local-services';

export const EXAMPLES = join(__dirname, '..', '..', 'examples', 'resumes');
export const example = (name: string) => readFileSync(join(EXAMPLES, name));

/** A fictional plain-text resume whose content (and so sha256) is unique per `seed`. */
export function textResume(seed: string): Buffer {
  return Buffer.from(
    [
      `Candidate ${seed}`,
      'Backend Engineer',
      `cand-${seed}@example.com | +1 415 555 0100`,
      '',
      'Summary',
      `Engineer number ${seed} with 6 years of Node.js and TypeScript.`,
      '',
      'Experience',
      'Backend Engineer, Example Corp',
      'Jan 2019 - Present',
      '- Built APIs in Node.js, TypeScript and MongoDB; ran them on Kubernetes.',
      '',
      'Education',
      'B.Sc. Computer Science, Example University, 2018',
      '',
      'Skills',
      'Node.js, TypeScript, MongoDB, Redis, Kubernetes, Docker',
    ].join('\n'),
  );
}

export async function createJob(
  app: INestApplication,
  token: string,
  body: Record<string, unknown> = {},
) {
  const res = await request(app.getHttpServer())
    .post('/jobs')
    .set('Authorization', `Bearer ${token}`)
    .send({
      title: 'Senior Backend Engineer',
      description: 'Node.js and TypeScript services on Kubernetes.',
      requiredSkills: ['Node.js', 'TypeScript', 'MongoDB'],
      preferredSkills: ['k8s', 'Redis'],
      minYears: 3,
      educationLevel: 'bachelor',
      status: 'open',
      ...body,
    });
  if (res.status !== 201)
    throw new Error(`job create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; revision: number };
}

export function upload(
  app: INestApplication,
  token: string,
  jobId: string,
  bytes: Buffer,
  filename: string,
) {
  return request(app.getHttpServer())
    .post(`/jobs/${jobId}/applications`)
    .set('Authorization', `Bearer ${token}`)
    .attach('file', bytes, filename);
}

export async function getApplication(app: INestApplication, token: string, id: string) {
  return request(app.getHttpServer())
    .get(`/applications/${id}`)
    .set('Authorization', `Bearer ${token}`);
}

/** Waits until the application reaches one of `statuses`, then returns its view. */
export async function waitForStatus(
  app: INestApplication,
  token: string,
  id: string,
  statuses: string[],
  timeoutMs = 120_000,
) {
  let last: { status?: string } = {};
  await eventually(
    async () => {
      const res = await getApplication(app, token, id);
      last = res.body;
      return statuses.includes(res.body.status);
    },
    `application ${id} to reach ${statuses.join('|')}`,
    timeoutMs,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; last seen ${JSON.stringify(last).slice(0, 400)}`);
  });
  return last as Record<string, unknown> & { status: string; timeline: { status: string }[] };
}
