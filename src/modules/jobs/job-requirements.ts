import type { JobRequirements } from '../../../libs/scoring/job.types';
import type { JobRecord } from './job.repository';

/** The scorer's view of a job document. */
export function toJobRequirements(job: JobRecord): JobRequirements {
  return {
    title: job.title,
    description: job.description,
    requiredSkills: job.requiredSkills.map((s) => s.name),
    preferredSkills: job.preferredSkills.map((s) => s.name),
    minYears: job.minYears,
    educationLevel: job.educationLevel,
    thresholds: job.thresholds,
  };
}
