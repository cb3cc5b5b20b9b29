import { classifyDegree, maxLevel } from './degree';

describe('classifyDegree', () => {
  it.each([
    // doctorate
    ['Ph.D. in Physics', 'doctorate'],
    ['PhD, Computational Biology', 'doctorate'],
    ['Doctor of Philosophy in Economics', 'doctorate'],
    ['Doctorate in Education', 'doctorate'],
    ['Ed.D. Leadership', 'doctorate'],
    ['Pharm.D', 'doctorate'],
    // master
    ['Master of Science in Computer Science', 'master'],
    ["Master's degree in Industrial Design", 'master'],
    ['Masters in Computer Science', 'master'],
    ['MBA in Finance', 'master'],
    ['M.Tech in VLSI', 'master'],
    ['MCA', 'master'],
    ['M.Sc. Chemistry', 'master'],
    ['M.Com', 'master'],
    ['M.S. in Computer Engineering', 'master'],
    ['MS in Data Science', 'master'],
    ['MA in English Literature', 'master'],
    ['LLM', 'master'],
    ['PGDM', 'master'],
    ['Post Graduate Diploma in Clinical Data Management', 'master'],
    ['PG-DAC', 'master'],
    // bachelor
    ['Bachelor of Engineering in Information Technology', 'bachelor'],
    ["Bachelor's in Computer Science", 'bachelor'],
    ['B.Tech in Information Technology', 'bachelor'],
    ['B-Tech', 'bachelor'],
    ['BTech information science', 'bachelor'],
    ['B.E in CSE', 'bachelor'],
    ['BE in Computer Science and Engineering', 'bachelor'],
    ['B.Sc. in Computer Science', 'bachelor'],
    ['BSc', 'bachelor'],
    ['B.Com', 'bachelor'],
    ['BCA', 'bachelor'],
    ['BBA', 'bachelor'],
    ['B.A. History', 'bachelor'],
    ['BS Computer Science', 'bachelor'],
    ['B.S. in Electronics', 'bachelor'],
    ['LLB', 'bachelor'],
    ['MBBS', 'bachelor'],
    ['TYBMS in Management Studies', 'bachelor'],
    // associate
    ['Associate : Accounting', 'associate'],
    ['Associate of Applied Science', 'associate'],
    ['A.A.S. Nursing', 'associate'],
    ['Diploma in Mechanical Engineering', 'associate'],
    ['HND Business', 'associate'],
    ['BTEC HNC in Aviation', 'associate'],
    // high school
    ['High School Diploma', 'high_school'],
    ['SSC', 'high_school'],
    ['H.S.C', 'high_school'],
    ['HSC in Computer science', 'high_school'],
    ['CBSE', 'high_school'],
    ['C.B.S.E.', 'high_school'],
    ['State Board', 'high_school'],
    ['Senior Secondary', 'high_school'],
    ['12th', 'high_school'],
    ['GED', 'high_school'],
    ['A-Levels', 'high_school'],
    ['Board of Secondary Education', 'high_school'],
  ])('%s → %s', (phrase, level) => {
    expect(classifyDegree(phrase)).toBe(level);
  });

  it.each([
    'Boston, MA',
    'Expert in MS Office and MS Excel',
    'I want to be a leader',
    'Senior Software Engineer',
    'e-commerce',
    'PSG College of Technology',
  ])('does not read a degree into "%s"', (phrase) => {
    expect(classifyDegree(phrase)).toBeNull();
  });

  it('returns the highest level named', () => {
    expect(classifyDegree('B.Tech and M.Tech (dual degree)')).toBe('master');
    expect(maxLevel(['bachelor', 'high_school', 'master'])).toBe('master');
    expect(maxLevel([])).toBe('none');
  });
});
