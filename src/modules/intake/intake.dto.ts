import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicationRecord } from '../applications/application.repository';
import { APPLICATION_STATUSES, ApplicationStatus } from '../applications/application.schema';

export class ApplicationAccepted {
  @ApiProperty({ example: '6650c2f1e4b0a1b2c3d4e5f6' }) applicationId: string;
  @ApiProperty({ example: '6650c2f1e4b0a1b2c3d4e5f0' }) resumeId: string;
  @ApiProperty({ example: '6650c2f1e4b0a1b2c3d4e5a1' }) jobId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'queued' }) status: ApplicationStatus;
  @ApiProperty({ description: 'true when these bytes or this resume–job pair were seen before' })
  duplicate: boolean;
  @ApiProperty({ example: '/applications/6650c2f1e4b0a1b2c3d4e5f6' }) statusUrl: string;
}

export function toAccepted(app: ApplicationRecord, duplicate: boolean): ApplicationAccepted {
  const id = String(app._id);
  return {
    applicationId: id,
    resumeId: app.resumeId,
    jobId: app.jobId,
    status: app.status,
    duplicate,
    statusUrl: `/applications/${id}`,
  };
}

class ItemError {
  @ApiProperty({ example: 'RESUME.UNSUPPORTED_TYPE' }) code: string;
  @ApiProperty() message: string;
}

class BatchItem {
  @ApiProperty() filename: string;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'rejected'] }) outcome:
    'accepted' | 'duplicate' | 'rejected';
  @ApiPropertyOptional({ type: ApplicationAccepted }) application?: ApplicationAccepted;
  @ApiPropertyOptional({ type: ItemError }) error?: ItemError;
}

export class BatchResult {
  @ApiProperty() accepted: number;
  @ApiProperty() duplicates: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [BatchItem] }) results: BatchItem[];
}

class TimelineEntry {
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty() at: Date;
  @ApiPropertyOptional() reason?: string;
}

export class ApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() jobId: string;
  @ApiProperty() resumeId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: [TimelineEntry] }) timeline: TimelineEntry[];
  @ApiPropertyOptional({ example: 78.4 }) score?: number;
  @ApiPropertyOptional({ example: 'strong_fit' }) label?: string;
  @ApiPropertyOptional({
    description: 'Per-feature contributions and reasons, stored with the score',
  })
  explanation?: unknown;
  @ApiPropertyOptional() modelVersion?: string;
  @ApiPropertyOptional() jobRevision?: number;
  @ApiPropertyOptional() failureReason?: string;
  @ApiProperty() createdAt: Date;
}

export function toApplicationView(app: ApplicationRecord): ApplicationView {
  return {
    id: String(app._id),
    jobId: app.jobId,
    resumeId: app.resumeId,
    status: app.status,
    timeline: app.timeline.map((t) => ({ status: t.status, at: t.at, reason: t.reason })),
    score: app.score,
    label: app.label,
    explanation: app.explanation,
    modelVersion: app.modelVersion,
    jobRevision: app.jobRevision,
    failureReason: app.failureReason,
    createdAt: app.createdAt,
  };
}
