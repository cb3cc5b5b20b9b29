import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ResumeRecord } from '../resumes/resume.repository';
import { PARSE_STATUSES, ParseStatus } from '../resumes/resume.schema';

export class ResumeAccepted {
  @ApiProperty() resumeId: string;
  @ApiProperty({ enum: PARSE_STATUSES }) parseStatus: ParseStatus;
  @ApiProperty() duplicate: boolean;
  @ApiProperty({ example: 'resume.pdf' }) filename: string;
}

export const toResumeAccepted = (r: ResumeRecord, duplicate: boolean): ResumeAccepted => ({
  resumeId: String(r._id),
  parseStatus: r.parseStatus,
  duplicate,
  filename: r.filename,
});

export class ResumeView {
  @ApiProperty() id: string;
  @ApiProperty() filename: string;
  @ApiProperty({ enum: ['pdf', 'docx', 'txt'] }) kind: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: PARSE_STATUSES }) parseStatus: ParseStatus;
  @ApiPropertyOptional({ description: 'Parsed profile (see libs/parsing/profile.types.ts)' })
  profile?: unknown;
  @ApiPropertyOptional() parseError?: string;
  @ApiPropertyOptional() parseErrorCode?: string;
  @ApiProperty() createdAt: Date;
}

export const toResumeView = (r: ResumeRecord): ResumeView => ({
  id: String(r._id),
  filename: r.filename,
  kind: r.kind,
  size: r.size,
  sha256: r.sha256,
  parseStatus: r.parseStatus,
  profile: r.profile,
  parseError: r.parseError,
  parseErrorCode: r.parseErrorCode,
  createdAt: r.createdAt,
});
