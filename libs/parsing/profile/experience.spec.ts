import { buildProfile } from './build-profile';

const NOW = new Date('2024-06-01T00:00:00Z');
const jobs = (body: string) =>
  buildProfile(
    `Alex Example\nalex@example.com\nExperience\n${body}\nEducation\nBSc Physics, 2010`,
    { now: NOW },
  ).experience.map((e) => [
    e.title,
    e.employer,
    e.start,
    e.end ?? (e.current ? 'present' : undefined),
  ]);

describe('experience layouts', () => {
  it('LiveCareer: "Title , dates" then "Company – City , State"', () => {
    expect(
      jobs('Accountant , 04/2020 to Current\nCompany Name – City , State\nPrepared statements.'),
    ).toEqual([['Accountant', 'Company Name', '2020-04', 'present']]);
  });

  it('LiveCareer older form: dates line, then "Title Company Name ï¼ City , State"', () => {
    expect(
      jobs(
        '04/2013 to Current\nInformation Technology Manager Company Name ï¼ City , State\nRan the help desk.',
      ),
    ).toEqual([['Information Technology Manager', 'Company Name', '2013-04', 'present']]);
  });

  it('"Title | Employer | dates" on one line', () => {
    expect(jobs('Senior Data Scientist | DataCo | 2022 - Present\n- Built models')).toEqual([
      ['Senior Data Scientist', 'DataCo', '2022-01', 'present'],
    ]);
  });

  it('"Title at Employer" above the dates', () => {
    expect(jobs('Software Engineer at Tech Corp\nJune 2020 - Present\n- Developed APIs')).toEqual([
      ['Software Engineer', 'Tech Corp', '2020-06', 'present'],
    ]);
  });

  it('Indeed: title, employer with location, then dates, with blank lines between', () => {
    expect(
      jobs(
        'Senior Systems Engineer\n\nInfosys Limited - Hyderabad, Telangana -\n\nJanuary 2015 to Present\n\n• Fixed defects',
      ),
    ).toEqual([['Senior Systems Engineer', 'Infosys Limited', '2015-01', 'present']]);
  });

  it('template: "Title<TAB>dates" then "Employer • City"', () => {
    expect(
      jobs(
        'Software Engineer\tJun 2021 - Dec 2022\nFigma • San Francisco, CA\n• Built editing infrastructure',
      ),
    ).toEqual([['Software Engineer', 'Figma', '2021-06', '2022-12']]);
  });

  it('"Title, Employer, dates" with commas', () => {
    expect(jobs('Registered Nurse, Riverside Community Hospital, July 2016 to Present')).toEqual([
      ['Registered Nurse', 'Riverside Community Hospital', '2016-07', 'present'],
    ]);
  });

  it('keeps a wrapped bullet with its job, not as the next title', () => {
    const p = buildProfile(
      'Experience\nDesigner\nAcme LLC | Jan 2020 – Present\n• Rebuilt the checkout in React and\nTypeScript, lifting conversion.\nDeveloper\nBeta Studio | 2018 – 2019',
      { now: NOW },
    );
    expect(p.experience[0].description).toContain('TypeScript, lifting conversion.');
    expect(p.experience[1].title).toBe('Developer');
  });

  it('merges overlapping jobs in the total', () => {
    const p = buildProfile(
      'Experience\nAnalyst, Acme Inc., Jan 2018 - Dec 2019\nConsultant, Beta LLC, Jun 2019 - Jun 2020',
      { now: NOW },
    );
    expect(p.experience.map((e) => e.months)).toEqual([13, 24]);
    expect(p.totalExperienceMonths).toBe(30);
  });

  it('counts an open-ended job up to the reference date', () => {
    const p = buildProfile('Experience\nEngineer, Acme Inc., Jan 2024 - Present', { now: NOW });
    expect(p.experience[0]).toMatchObject({ current: true, months: 6 });
  });

  it('does not take dates from the education section', () => {
    expect(jobs('Engineer, Acme Inc., 2015 - 2018')).toHaveLength(1);
  });
});

describe('education', () => {
  const edu = (body: string) =>
    buildProfile(`Alex Example\nEducation\n${body}`).education.map((e) => [
      e.level,
      e.degree,
      e.field,
      e.institution,
      e.year,
    ]);

  it('reads degree, field, institution and year across lines', () => {
    expect(
      edu('Bachelor of Science : Accounting and Finance , 03/2020\nOakland University - City'),
    ).toEqual([
      [
        'bachelor',
        'Bachelor of Science : Accounting and Finance',
        'Accounting and Finance',
        'Oakland University',
        2020,
      ],
    ]);
  });

  it('reads the Indeed order and institutions without a degree', () => {
    const rows = edu(
      'B.Tech in Computer Science\n\nNational Institute of Technology - Warangal\n\n2012\n\nSt. Mary High School\n\n2008',
    );
    expect(rows[0]).toEqual([
      'bachelor',
      'B.Tech in Computer Science',
      'Computer Science',
      'National Institute of Technology',
      2012,
    ]);
    expect(rows[1]).toEqual([
      'high_school',
      'St. Mary High School',
      undefined,
      'St. Mary High School',
      2008,
    ]);
  });

  it('sets the highest degree', () => {
    const p = buildProfile(
      'Education\nMBA in Finance, 2015\nXYZ Institute of Management\nB.Com, 2013\nABC College',
    );
    expect(p.highestDegree).toBe('master');
  });
});
