import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SkillIndex } from '../skills/skill-index';
import {
  mapResumeDataProfile,
  ResumeDataMapper,
  type ResumeDataRecord,
} from './resume-data.mapper';
import { mapResumeDataJob } from './resume-data-job.mapper';
import { readResumeDataCsv } from './resume-data.reader';

// A fictional row in the resume_data.csv layout.
const row: ResumeDataRecord = {
  resume_id: 'R1',
  job_id: 'J1',
  address: '9 Birch Lane, Fairview',
  career_objective: 'Data engineer who likes tidy pipelines.',
  skills: "['Python', 'SQL', 'Airflow']",
  degree_names: "['B.Sc', 'M.Sc']",
  major_field_of_studies: "['Statistics', None]",
  educational_institution_name: "['Fairview College', 'Lakeside University']",
  passing_years: "['2015', '2017']",
  professional_company_names: "['Acme Analytics', 'Globex']",
  positions: "['Data Engineer', 'Junior Analyst']",
  start_dates: "['Jan 2020', '06/2017']",
  end_dates: "['Till Date', 'Dec 2019']",
  related_skils_in_job: "[['Airflow', 'Spark'], None]",
  responsibilities: 'LEAKED JOB TEXT that must never reach the profile',
  certification_skills: "[['AWS Cloud Practitioner']]",
  certification_providers: "['Amazon']",
  job_position_name: 'Data Engineer\n',
  educationaL_requirements: "Bachelor's degree in Computer Science",
  experiencere_requirement: '3 to 5 years',
  age_requirement: 'Age 25 to 35 years',
  'responsibilities.1': 'Build ETL pipelines\nSQL Query Optimization',
  skills_required: 'Python\n•SQL\nSpark',
  matched_score: '0.75',
};
const skills = new SkillIndex({
  normalize: (n) => ({ canonical: n.trim(), known: false }),
  findInText: () => [],
});

describe('resume_data.csv mapping', () => {
  it('builds a profile from the structured columns and never reads the resume-side responsibilities', () => {
    const p = mapResumeDataProfile(row, skills);
    expect(p.text).not.toContain('LEAKED');
    expect(p.skills.map((s) => s.canonical)).toEqual([
      'python',
      'sql',
      'airflow',
      'spark',
      'aws cloud practitioner',
    ]);
    expect(p.experience.map((e) => [e.title, e.start, e.current, e.months])).toEqual([
      ['Data Engineer', '2020-01', true, 48],
      ['Junior Analyst', '2017-06', false, 30],
    ]);
    expect(p.totalExperienceMonths).toBe(78);
    expect(p.highestDegree).toBe('master');
    expect(p.contact.location?.value).toBe('9 Birch Lane, Fairview');
    const python = p.skills[0].spans[0];
    expect(p.text.slice(python.start, python.end)).toBe('Python');
  });

  it('maps the job columns without the age requirement', () => {
    const job = mapResumeDataJob(row, skills);
    expect(job.title).toBe('Data Engineer');
    expect(job.requiredSkills).toEqual(['Python', 'SQL', 'Spark']);
    expect(job.minYears).toBe(3);
    expect(job.educationLevel).toBe('bachelor');
    expect(JSON.stringify(job)).not.toMatch(/Age 25|35 years/);
  });

  it('caches one profile per resume_id and reads the label and holdout slice', () => {
    const mapper = new ResumeDataMapper(skills);
    const a = mapper.map(row);
    const b = mapper.map({ ...row, job_id: 'J2', holdout_type: 'unseen_job' });
    expect(b.profile).toBe(a.profile);
    expect(a.matchedScore).toBe(0.75);
    expect(b.holdoutType).toBe('unseen_job');
  });
});

describe('readResumeDataCsv', () => {
  it('derives stable resume and job ids when the file has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-'));
    const csv = [
      'skills,career_objective,job_position_name,matched_score',
      '"[\'SQL\']",A,Analyst,0.7',
      '"[\'SQL\']",A,Engineer,0.6',
      '"[\'Go\']",B,Analyst,0.5',
    ];
    writeFileSync(join(dir, 'x.csv'), csv.join('\n') + '\n');
    const rows = readResumeDataCsv(join(dir, 'x.csv'));
    expect(rows[0].resume_id).toBe(rows[1].resume_id);
    expect(rows[0].resume_id).not.toBe(rows[2].resume_id);
    expect(rows[0].job_id).toBe(rows[2].job_id);
    expect(rows[0].job_id).not.toBe(rows[1].job_id);
  });
});
