import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DEGREE_LEVELS, DegreeLevel } from '../../../libs/parsing/profile.types';
import type { JobRecord } from './job.repository';
import { JOB_STATUSES, JobStatus } from './job.schema';

export class ThresholdsDto {
  @ApiProperty({
    example: 70,
    description: 'score (0–100) at or above which the label is strong_fit',
  })
  @IsNumber()
  @Min(0)
  @Max(100)
  strongFit: number;

  @ApiProperty({ example: 45, description: 'score at or above which the label is potential_fit' })
  @IsNumber()
  @Min(0)
  @Max(100)
  potentialFit: number;
}

export class CreateJobDto {
  @ApiProperty({ example: 'Senior Backend Engineer' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Build and run our Node.js services on Kubernetes.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ example: ['Node.js', 'TypeScript', 'MongoDB'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  requiredSkills?: string[];

  @ApiPropertyOptional({ example: ['k8s', 'Redis'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  preferredSkills?: string[];

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  minYears?: number;

  @ApiPropertyOptional({ enum: DEGREE_LEVELS, example: 'bachelor' })
  @IsOptional()
  @IsIn(DEGREE_LEVELS)
  educationLevel?: DegreeLevel;

  @ApiPropertyOptional({ example: 'Berlin, Germany' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  remote?: boolean;

  @ApiPropertyOptional({ type: ThresholdsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto;

  @ApiPropertyOptional({ enum: ['draft', 'open'], example: 'open' })
  @IsOptional()
  @IsIn(['draft', 'open'])
  status?: 'draft' | 'open';
}

class SkillView {
  @ApiProperty({ example: 'Kubernetes' }) name: string;
  @ApiProperty({ description: 'false when the skill is not in the taxonomy (kept, flagged)' })
  known: boolean;
}

export class JobView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [SkillView] }) requiredSkills: SkillView[];
  @ApiProperty({ type: [SkillView] }) preferredSkills: SkillView[];
  @ApiPropertyOptional() minYears?: number;
  @ApiPropertyOptional({ enum: DEGREE_LEVELS }) educationLevel?: DegreeLevel;
  @ApiPropertyOptional() location?: string;
  @ApiProperty() remote: boolean;
  @ApiPropertyOptional({ type: ThresholdsDto }) thresholds?: ThresholdsDto;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty() revision: number;
  @ApiPropertyOptional() ownerId?: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export function toJobView(job: JobRecord): JobView {
  return {
    id: String(job._id),
    title: job.title,
    description: job.description,
    requiredSkills: job.requiredSkills.map(({ name, known }) => ({ name, known })),
    preferredSkills: job.preferredSkills.map(({ name, known }) => ({ name, known })),
    minYears: job.minYears,
    educationLevel: job.educationLevel,
    location: job.location,
    remote: job.remote,
    thresholds: job.thresholds,
    status: job.status,
    revision: job.revision,
    ownerId: job.ownerId,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

/** Every create field may change; a draft may be published, other status changes have endpoints. */
export class UpdateJobDto extends PartialType(OmitType(CreateJobDto, ['status'] as const)) {
  @ApiPropertyOptional({ enum: ['open'], description: 'publish a draft' })
  @IsOptional()
  @IsIn(['open'])
  status?: 'open';
}

export class ListJobsQuery {
  @ApiPropertyOptional({ enum: JOB_STATUSES, isArray: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(JOB_STATUSES, { each: true })
  status?: JobStatus[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class JobPage {
  @ApiProperty({ type: [JobView] }) items: JobView[];
  @ApiPropertyOptional({ description: 'pass as ?cursor= for the next page' }) nextCursor?: string;
}
