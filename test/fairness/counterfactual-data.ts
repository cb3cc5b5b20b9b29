import type { JobRequirements } from '../../libs/scoring';

/**
 * Fictional building blocks for the counterfactual set. Names are common given names and
 * surnames associated with several genders and ethnicities (as in audit studies of hiring);
 * no combination refers to a real person.
 */
export interface NameGroup {
  group: string;
  gender: 'female' | 'male' | 'neutral';
  first: string[];
  last: string[];
}

export const NAME_GROUPS: NameGroup[] = [
  {
    group: 'white-female',
    gender: 'female',
    first: ['Emily', 'Anne', 'Jill', 'Allison', 'Laurie', 'Sarah', 'Meredith', 'Carrie'],
    last: ['Walsh', 'Baker', 'Sullivan', 'Murphy', 'Kelly', 'McCarthy', 'Olsen', 'Becker'],
  },
  {
    group: 'white-male',
    gender: 'male',
    first: ['Greg', 'Brendan', 'Todd', 'Geoffrey', 'Brett', 'Matthew', 'Neil', 'Jay'],
    last: ['Walsh', 'Baker', 'Sullivan', 'Murphy', 'Kelly', 'McCarthy', 'Olsen', 'Becker'],
  },
  {
    group: 'black-female',
    gender: 'female',
    first: ['Lakisha', 'Tamika', 'Aisha', 'Keisha', 'Ebony', 'Latonya', 'Tanisha', 'Kenya'],
    last: ['Washington', 'Jefferson', 'Jackson', 'Robinson', 'Banks', 'Mosley', 'Gaines', 'Booker'],
  },
  {
    group: 'black-male',
    gender: 'male',
    first: ['Jamal', 'DeShawn', 'Darnell', 'Tyrone', 'Hakim', 'Kareem', 'Rasheed', 'Jermaine'],
    last: ['Washington', 'Jefferson', 'Jackson', 'Robinson', 'Banks', 'Mosley', 'Gaines', 'Booker'],
  },
  {
    group: 'hispanic-female',
    gender: 'female',
    first: ['María', 'Guadalupe', 'Lucía', 'Ximena', 'Alejandra', 'Rosa', 'Marisol', 'Paola'],
    last: [
      'García',
      'Hernández',
      'Rodríguez',
      'Martínez',
      'López',
      'Gutiérrez',
      'Ramírez',
      'Flores',
    ],
  },
  {
    group: 'hispanic-male',
    gender: 'male',
    first: ['José', 'Alejandro', 'Juan Carlos', 'Santiago', 'Luis', 'Javier', 'Diego', 'Mateo'],
    last: [
      'García',
      'Hernández',
      'Rodríguez',
      'Martínez',
      'López',
      'Gutiérrez',
      'Ramírez',
      'Flores',
    ],
  },
  {
    group: 'east-asian-female',
    gender: 'female',
    first: ['Mei', 'Xiaoling', 'Yuki', 'Min-ji', 'Hui', 'Jia', 'Sakura', 'Linh'],
    last: ['Chen', 'Wang', 'Zhang', 'Nakamura', 'Kim', 'Park', 'Nguyen', 'Tanaka'],
  },
  {
    group: 'east-asian-male',
    gender: 'male',
    first: ['Wei', 'Jun', 'Hiroshi', 'Min-jun', 'Hao', 'Takeshi', 'Quang', 'Jian'],
    last: ['Chen', 'Wang', 'Zhang', 'Nakamura', 'Kim', 'Park', 'Nguyen', 'Tanaka'],
  },
  {
    group: 'south-asian-female',
    gender: 'female',
    first: ['Priya', 'Ananya', 'Lakshmi', 'Deepika', 'Sunita', 'Kavya', 'Fatima', 'Aditi'],
    last: ['Patel', 'Sharma', 'Iyer', 'Reddy', 'Gupta', 'Khan', 'Nair', 'Chowdhury'],
  },
  {
    group: 'south-asian-male',
    gender: 'male',
    first: ['Raj', 'Arjun', 'Vikram', 'Sanjay', 'Imran', 'Rahul', 'Karthik', 'Aditya'],
    last: ['Patel', 'Sharma', 'Iyer', 'Reddy', 'Gupta', 'Khan', 'Nair', 'Chowdhury'],
  },
  {
    group: 'mena-female',
    gender: 'female',
    first: ['Layla', 'Yasmin', 'Noor', 'Mariam', 'Samira', 'Rania', 'Leila', 'Huda'],
    last: ['Haddad', 'Al-Sayed', 'Mansour', 'Khalil', 'Nasser', 'Aziz', 'Farah', 'Saleh'],
  },
  {
    group: 'mena-male',
    gender: 'male',
    first: ['Mohammed', 'Omar', 'Youssef', 'Karim', 'Tariq', 'Hassan', 'Bilal', 'Khaled'],
    last: ['Haddad', 'Al-Sayed', 'Mansour', 'Khalil', 'Nasser', 'Aziz', 'Farah', 'Saleh'],
  },
  {
    group: 'west-african-female',
    gender: 'female',
    first: ['Amara', 'Chiamaka', 'Abena', 'Ngozi', 'Adwoa', 'Folake', 'Efua', 'Nneka'],
    last: ['Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Okonkwo', 'Asante', 'Diallo', 'Eze'],
  },
  {
    group: 'west-african-male',
    gender: 'male',
    first: ['Kwame', 'Chinedu', 'Kofi', 'Oluwaseun', 'Emeka', 'Yaw', 'Babajide', 'Mamadou'],
    last: ['Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Okonkwo', 'Asante', 'Diallo', 'Eze'],
  },
  {
    group: 'neutral',
    gender: 'neutral',
    first: ['Alex', 'Jordan', 'Taylor', 'Sam', 'Robin', 'Jamie', 'Casey', 'Riley'],
    last: ['Morgan', 'Reyes', 'Singh', 'Cohen', 'Novak', 'Silva', 'Moreau', 'Larsen'],
  },
];

export interface PronounSet {
  label: string;
  subj: string;
  obj: string;
  poss: string;
}

export const PRONOUNS: Record<'female' | 'male' | 'neutral', PronounSet> = {
  female: { label: 'she/her', subj: 'She', obj: 'her', poss: 'her' },
  male: { label: 'he/him', subj: 'He', obj: 'him', poss: 'his' },
  neutral: { label: 'they/them', subj: 'They', obj: 'them', poss: 'their' },
};

/** Gendered words and their counterparts; index 0 female, 1 male, 2 neutral. */
export const GENDERED_TERMS: Record<string, [string, string, string]> = {
  chair: ['chairwoman', 'chairman', 'chairperson'],
  spokes: ['spokeswoman', 'spokesman', 'spokesperson'],
  sales: ['saleswoman', 'salesman', 'salesperson'],
  society: ['sorority', 'fraternity', 'student society'],
  lead: ['forewoman', 'foreman', 'supervisor'],
};

export const ADDRESSES = [
  '12 Oak Street, Springfield, IL 62704',
  '880 Grand Concourse, Bronx, NY 10451',
  '4500 Crenshaw Blvd, Los Angeles, CA 90043',
  '27 Round Hill Road, Greenwich, CT 06831',
  '1600 SW 8th Street, Miami, FL 33135',
  '310 Peachtree Lane, Atlanta, GA 30308',
  '77 Lake Shore Drive, Chicago, IL 60611',
  '9 Harbor View Court, Seattle, WA 98101',
  '455 Mission Street, San Francisco, CA 94105',
  '2200 Fannin Street, Houston, TX 77002',
  '15 Elm Avenue, Dearborn, MI 48126',
  '61 Canal Street, New Orleans, LA 70130',
  '8 Queen Street, Toronto, ON M5H 2N2',
  '3 Market Place, Leeds LS1 6DT',
];

export interface Family {
  titles: [string, string];
  domain: string;
  companies: [string, string];
  skills: string[];
  degree: string;
  field: string;
  school: string;
  committee: string;
  job: JobRequirements;
}

const job = (
  title: string,
  description: string,
  requiredSkills: string[],
  preferredSkills: string[],
  minYears: number,
  educationLevel: JobRequirements['educationLevel'],
): JobRequirements => ({
  title,
  description,
  requiredSkills,
  preferredSkills,
  minYears,
  educationLevel,
});

export const FAMILIES: Family[] = [
  {
    titles: ['Senior Backend Engineer', 'Software Engineer'],
    domain: 'backend services and APIs',
    companies: ['Northwind Labs', 'Contoso Cloud'],
    skills: [
      'Node.js',
      'TypeScript',
      'PostgreSQL',
      'MongoDB',
      'Redis',
      'Kubernetes',
      'Docker',
      'GraphQL',
      'Terraform',
      'Linux',
      'CI/CD',
      'Go',
    ],
    degree: 'B.Sc.',
    field: 'Computer Science',
    school: 'Lakeside Institute of Technology',
    committee: 'architecture review committee',
    job: job(
      'Senior Backend Engineer',
      'Design and run Node.js and TypeScript services on Kubernetes, with PostgreSQL and Redis.',
      ['Node.js', 'TypeScript', 'PostgreSQL'],
      ['Kubernetes', 'Redis', 'Terraform'],
      4,
      'bachelor',
    ),
  },
  {
    titles: ['Data Scientist', 'Data Analyst'],
    domain: 'forecasting and experimentation',
    companies: ['Fabrikam Analytics', 'Tailspin Retail'],
    skills: [
      'Python',
      'SQL',
      'pandas',
      'Machine Learning',
      'Scikit-learn',
      'TensorFlow',
      'Tableau',
      'Forecasting',
      'Git',
      'Jira',
    ],
    degree: 'M.Sc.',
    field: 'Statistics',
    school: 'Riverside University',
    committee: 'data ethics board',
    job: job(
      'Data Scientist',
      'Build machine learning models in Python and SQL for demand forecasting.',
      ['Python', 'SQL', 'Machine Learning'],
      ['TensorFlow', 'Tableau', 'pandas'],
      3,
      'master',
    ),
  },
  {
    titles: ['Registered Nurse', 'Staff Nurse'],
    domain: 'acute and emergency care',
    companies: ['Mercy General Hospital', 'Hillcrest Medical Center'],
    skills: [
      'Patient Care',
      'Medication Administration',
      'Electronic Health Records',
      'Triage',
      'Wound Care',
      'Infection Control',
      'Phlebotomy',
    ],
    degree: 'BSN',
    field: 'Nursing',
    school: 'Valley College of Nursing',
    committee: 'patient safety council',
    job: job(
      'Registered Nurse',
      'Provide patient care in a busy emergency department: triage, medication administration and charting in EHR.',
      ['Patient Care', 'Medication Administration', 'Triage'],
      ['Wound Care', 'Infection Control'],
      2,
      'bachelor',
    ),
  },
  {
    titles: ['Sales Manager', 'Account Executive'],
    domain: 'B2B software sales',
    companies: ['Adventure Works', 'Litware Inc'],
    skills: [
      'Salesforce',
      'Lead Generation',
      'Account Management',
      'Negotiation',
      'Cold Calling',
      'HubSpot',
      'Forecasting',
      'Budgeting',
    ],
    degree: 'B.A.',
    field: 'Business Administration',
    school: 'Eastgate University',
    committee: 'regional sales council',
    job: job(
      'Sales Manager',
      'Lead a team selling B2B software; own the pipeline in Salesforce and negotiate enterprise deals.',
      ['Salesforce', 'Negotiation', 'Account Management'],
      ['Lead Generation', 'HubSpot'],
      5,
      'bachelor',
    ),
  },
  {
    titles: ['Senior Accountant', 'Staff Accountant'],
    domain: 'financial reporting and audits',
    companies: ['Woodgrove Bank', 'Proseware Holdings'],
    skills: [
      'GAAP',
      'Financial Reporting',
      'Auditing',
      'QuickBooks',
      'SAP',
      'Microsoft Excel',
      'Budgeting',
      'Forecasting',
    ],
    degree: 'B.Com.',
    field: 'Accounting',
    school: 'Central State University',
    committee: 'audit committee',
    job: job(
      'Senior Accountant',
      'Prepare GAAP financial statements, support audits and run month-end close in SAP.',
      ['GAAP', 'Financial Reporting', 'Auditing'],
      ['SAP', 'Microsoft Excel'],
      3,
      'bachelor',
    ),
  },
];
