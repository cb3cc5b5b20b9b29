import { toJsonResume } from './json-resume';
import { buildProfile } from './profile/build-profile';

const TEXT = [
  'Jane Roe',
  'Data Analyst',
  'Austin, TX | (512) 555-0199 | jane.roe@example.com | linkedin.com/in/jane-roe-example | github.com/janeroe',
  'Summary',
  'Analyst who turns data into decisions.',
  'Experience',
  'Data Analyst, Acme Inc., Jan 2020 - Present',
  '• Built dashboards in SQL and Python for',
  'the finance team.',
  'Junior Analyst | Beta LLC | 2018 - 2019',
  'Education',
  'B.S. in Statistics, 2018',
  'University of Texas',
  'Certifications',
  'Tableau Desktop Specialist, 2021',
  'Languages',
  'English (native), Spanish (conversational)',
].join('\n');

describe('toJsonResume', () => {
  const jr = toJsonResume(buildProfile(TEXT, { now: new Date('2024-01-01T00:00:00Z') }));

  it('fills basics, with network profiles for LinkedIn and GitHub', () => {
    expect(jr.basics).toMatchObject({
      name: 'Jane Roe',
      label: 'Data Analyst',
      email: 'jane.roe@example.com',
      phone: '+15125550199',
      summary: 'Analyst who turns data into decisions.',
      location: { address: 'Austin, TX' },
    });
    expect(jr.basics.profiles).toEqual([
      {
        network: 'LinkedIn',
        username: 'jane-roe-example',
        url: 'https://linkedin.com/in/jane-roe-example',
      },
      { network: 'GitHub', username: 'janeroe', url: 'https://github.com/janeroe' },
    ]);
  });

  it('writes work with ISO partial dates, no end date for a current job, and joined highlights', () => {
    expect(jr.work).toEqual([
      {
        name: 'Acme Inc.',
        position: 'Data Analyst',
        startDate: '2020-01',
        highlights: ['Built dashboards in SQL and Python for the finance team.'],
      },
      { name: 'Beta LLC', position: 'Junior Analyst', startDate: '2018-01', endDate: '2019-01' },
    ]);
  });

  it('writes education, certificates, languages and skills', () => {
    expect(jr.education).toEqual([
      {
        institution: 'University of Texas',
        area: 'Statistics',
        studyType: 'B.S. in Statistics',
        endDate: '2018',
      },
    ]);
    expect(jr.certificates).toEqual([{ name: 'Tableau Desktop Specialist', date: '2021' }]);
    expect(jr.languages).toEqual([
      { language: 'English', fluency: 'native' },
      { language: 'Spanish', fluency: 'conversational' },
    ]);
    expect(jr.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['SQL', 'Python']));
  });

  it('never invents fields for an unreadable document', () => {
    const empty = toJsonResume(buildProfile(''));
    expect(empty.basics).toEqual({});
    expect(empty.work).toEqual([]);
    expect(empty.meta).toMatchObject({ quality: 'empty_text' });
  });
});
