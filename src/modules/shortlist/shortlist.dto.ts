import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { ApplicationRecord } from '../applications/application.repository';
import { ApplicationView } from '../intake/intake.dto';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  DECISIONS,
  DecisionValue,
} from '../applications/application.schema';

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;
const LABELS = ['strong_fit', 'potential_fit', 'weak_fit'] as const;

export class ShortlistQuery {
  @ApiPropertyOptional({ enum: ['-score'], default: '-score' })
  @IsOptional()
  @IsIn(['-score'])
  sort?: '-score';

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, isArray: true, example: 'screened' })
  @IsOptional()
  @Transform(csv)
  @IsIn(APPLICATION_STATUSES, { each: true })
  status?: ApplicationStatus[];

  @ApiPropertyOptional({ enum: LABELS, isArray: true, example: 'strong_fit,potential_fit' })
  @IsOptional()
  @Transform(csv)
  @IsIn(LABELS, { each: true })
  label?: string[];

  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  minScore?: number;

  @ApiPropertyOptional({
    description: 'comma-separated; every skill must be present',
    example: 'Node.js,Kubernetes',
  })
  @IsOptional()
  @Transform(csv)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  skill?: string[];

  @ApiPropertyOptional({ enum: [...DECISIONS, 'none'], isArray: true, example: 'none' })
  @IsOptional()
  @Transform(csv)
  @IsIn([...DECISIONS, 'none'], { each: true })
  decision?: (DecisionValue | 'none')[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

class DecisionView {
  @ApiProperty({ enum: DECISIONS }) value: DecisionValue;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty() actor: string;
  @ApiProperty() at: Date;
}

export class ShortlistItem {
  @ApiProperty() id: string;
  @ApiProperty() resumeId: string;
  @ApiPropertyOptional({ example: 81.5, description: 'absent until screened, or when opted out' })
  score?: number;
  @ApiPropertyOptional({ example: 'strong_fit' }) label?: string;
  @ApiProperty({ type: [String], example: ['Has 4 of 5 required skills; missing: Kubernetes'] })
  topReasons: string[];
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiPropertyOptional({ type: DecisionView }) decision?: DecisionView;
  @ApiProperty() createdAt: Date;
}

export class ShortlistPage {
  @ApiProperty({ type: [ShortlistItem] }) items: ShortlistItem[];
  @ApiPropertyOptional() nextCursor?: string;
}

export const toShortlistItem = (a: ApplicationRecord): ShortlistItem => ({
  id: String(a._id),
  resumeId: a.resumeId,
  score: a.score ?? undefined,
  label: a.label,
  topReasons: a.topReasons ?? [],
  status: a.status,
  decision: a.decision
    ? {
        value: a.decision.value,
        reason: a.decision.reason,
        actor: a.decision.actor,
        at: a.decision.at,
      }
    : undefined,
  createdAt: a.createdAt,
});

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision: DecisionValue;

  @ApiPropertyOptional({ description: 'required to reject, and to go against the model label' })
  @ValidateIf((o: DecisionDto) => o.reason !== undefined)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export class ApplicationDetail extends ApplicationView {
  @ApiProperty({ enum: ['full', 'blind'], description: 'blind: no name, contact details or photo' })
  view: 'full' | 'blind';
  @ApiPropertyOptional({
    description: 'the parsed profile, or its redacted form in the blind view',
  })
  profile?: unknown;
  @ApiPropertyOptional({ type: DecisionView }) decision?: DecisionView;
}

export class DetailQuery {
  @ApiPropertyOptional({ enum: ['full', 'blind'] })
  @IsOptional()
  @IsIn(['full', 'blind'])
  view?: 'full' | 'blind';
}

export class HistoryEvent {
  @ApiProperty() at: Date;
  @ApiProperty({ enum: ['status', 'decision'] }) type: 'status' | 'decision';
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) status?: ApplicationStatus;
  @ApiPropertyOptional({ enum: DECISIONS }) decision?: DecisionValue;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() actor?: string;
  @ApiPropertyOptional() score?: number;
  @ApiPropertyOptional() modelVersion?: string;
  @ApiPropertyOptional() jobRevision?: number;
}
