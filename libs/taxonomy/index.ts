export type { FindOptions, NormalizedSkill, SkillEntry, SkillHit } from './skill.types';
export { SkillTaxonomy } from './skill-taxonomy';
