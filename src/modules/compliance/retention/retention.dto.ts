import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class RetentionSettingsDto {
  @ApiProperty({
    minimum: 1,
    maximum: 3650,
    example: 365,
    description: 'Days after which a resume (with no newer application) is erased',
  })
  @IsInt()
  @Min(1)
  @Max(3650)
  resumeRetentionDays: number;
}

export class RetentionSettingsView extends RetentionSettingsDto {
  @ApiProperty({ description: 'true when the org uses the deployment default' }) isDefault: boolean;
  @ApiProperty({ description: 'Decision-log retention of the deployment, in days (≥ 183)' })
  decisionLogRetentionDays: number;
}

export interface RetentionRun {
  at: Date;
  resumesErased: number;
  certificates: string[];
  decisionLogEntriesPruned: number;
  idempotencyKeysDeleted: number;
}
