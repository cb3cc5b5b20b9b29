import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsMongoId, IsOptional, Matches } from 'class-validator';
import type { ImpactReport, Ll144Summary } from '../../../../libs/fairness';
import type { ImpactStage, ScreenBasis } from './impact-population';

export class ImpactQuery {
  @ApiPropertyOptional({ description: 'One job; all of the org’s jobs when absent' })
  @IsOptional()
  @IsMongoId()
  jobId?: string;

  @ApiPropertyOptional({ description: 'Applications received on or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Applications received before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    enum: ['screen', 'advance'],
    default: 'screen',
    description: 'screen: the model’s output; advance: human decisions',
  })
  @IsOptional()
  @IsIn(['screen', 'advance'])
  stage: ImpactStage = 'screen';

  @ApiPropertyOptional({
    enum: ['label', 'median'],
    default: 'label',
    description: 'screen only: strong_fit rate, or LL144 scoring rate (above the median score)',
  })
  @IsOptional()
  @IsIn(['label', 'median'])
  basis: ScreenBasis = 'label';

  @ApiPropertyOptional({ example: 'v1' })
  @IsOptional()
  @Matches(/^[\w.-]{1,64}$/)
  modelVersion?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

export interface ImpactResponse {
  query: Omit<ImpactQuery, 'format'>;
  generatedAt: string;
  stage: ImpactStage;
  basis: ScreenBasis | null;
  median: number | null;
  /** Applications in the period that are outside the stage (not scored / not decided). */
  excluded: number;
  /** Of the applicants, how many belonged to erased candidates (counted as unknown). */
  erased: number;
  modelVersions: string[];
  report: ImpactReport;
  ll144: Ll144Summary;
}
