import type { JobRequirements } from '../job.types';
import { requiredDegreeIn } from '../job/degree-level';
import { parseMinYears } from '../job/years-requirement';
import type { SkillIndex } from '../skills/skill-index';
import type { ResumeDataRecord } from './resume-data.mapper';

/**
 * Maps the job columns of resume_data.csv to JobRequirements. `age_requirement` is never read:
 * age is a protected attribute and the scorer must not see it. Required skills are the
 * `skills_required` lines; when a posting has none, the skills the taxonomy finds in its
 * responsibilities stand in. Preferred skills are the other skills found in the responsibilities.
 */
export function mapResumeDataJob(row: ResumeDataRecord, skills: SkillIndex): JobRequirements {
  const title = (row.job_position_name ?? '').trim();
  const responsibilities = (row['responsibilities.1'] ?? '').trim();
  const education = clean(row.educationaL_requirements);
  const experience = clean(row.experiencere_requirement);
  const skillLines = splitLines(row.skills_required);
  const found = unique(skills.findInText(responsibilities, true).map((h) => h.canonical));
  const requiredSkills = skillLines.length ? skillLines : found;
  const requiredCanon = new Set(requiredSkills.map((s) => skills.normalize(s).canonical));
  const description = [
    responsibilities,
    education && `Education: ${education}`,
    experience && `Experience: ${experience}`,
    skillLines.length ? `Skills: ${skillLines.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    title,
    description,
    requiredSkills,
    preferredSkills: found.filter((s) => !requiredCanon.has(skills.normalize(s).canonical)),
    minYears: parseMinYears(experience),
    educationLevel: education ? requiredDegreeIn(education) : undefined,
  };
}

const clean = (s: string | undefined): string =>
  s && s !== 'nan' ? s.replace(/\s+/g, ' ').trim() : '';

function splitLines(s: string | undefined): string[] {
  if (!s || s === 'nan') return [];
  return unique(
    s
      .split(/\n|•/)
      .map((l) =>
        l
          .replace(/^[\s\-*·▪●]+/, '')
          .replace(/[\s.,;]+$/, '')
          .trim(),
      )
      .filter((l) => l.length > 1),
  );
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
