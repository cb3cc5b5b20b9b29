import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { DEGREE_LEVELS, DegreeLevel } from '../../../libs/parsing/profile.types';

export const JOB_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

@Schema({ _id: false })
export class SkillRequirement {
  @Prop({ required: true }) name: string;
  /** false when the skill is not in the taxonomy; kept as typed and flagged. */
  @Prop({ required: true }) known: boolean;
}

@Schema({ collection: 'jobs', timestamps: true })
export class Job {
  @Prop({ required: true, index: true }) orgId: string;
  @Prop({ required: true }) title: string;
  @Prop({ default: '' }) description: string;
  @Prop({ type: [SkillRequirement], default: [] }) requiredSkills: SkillRequirement[];
  @Prop({ type: [SkillRequirement], default: [] }) preferredSkills: SkillRequirement[];
  @Prop() minYears?: number;
  @Prop({ type: String, enum: DEGREE_LEVELS }) educationLevel?: DegreeLevel;
  @Prop() location?: string;
  @Prop({ default: false }) remote: boolean;
  @Prop({ type: Object }) thresholds?: { strongFit: number; potentialFit: number };
  @Prop({ type: String, required: true, enum: JOB_STATUSES, default: 'open' }) status: JobStatus;
  /** Bumped whenever requirements change; every score records the revision it used. */
  @Prop({ required: true, default: 1 }) revision: number;
  @Prop() ownerId?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type JobDocument = HydratedDocument<Job>;
export const JobSchema = SchemaFactory.createForClass(Job);
JobSchema.index({ orgId: 1, status: 1, createdAt: -1 });
