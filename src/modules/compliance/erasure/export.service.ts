import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { FileStorage } from '../../../infra/storage/file-storage';
import { DecisionLogMaintenance } from '../decision-log/decision-log.maintenance';
import { DemographicsRepository } from '../demographics/demographics.repository';
import { CandidateLocator, SubjectQuery } from './candidate-locator';
import { ErasureRegistry } from './erasure.types';

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};

export interface CandidateExport {
  format: 'screener-candidate-export/v1';
  generatedAt: string;
  orgId: string;
  resumes: Record<string, unknown>[];
  applications: Record<string, unknown>[];
  demographics: Record<string, unknown>[];
  decisionLog: Record<string, unknown>[];
  auditEvents: Record<string, unknown>[];
  /** Stores other modules registered (e.g. webhook deliveries), by store name. */
  other: Record<string, unknown[]>;
}

/**
 * GDPR Art. 15 and 20: every stored datum about one person, as JSON, with each original file
 * inline (base64), so the answer is complete and machine-readable in one document.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly locator: CandidateLocator,
    private readonly files: FileStorage,
    private readonly demographics: DemographicsRepository,
    private readonly decisionLog: DecisionLogMaintenance,
    private readonly registry: ErasureRegistry,
  ) {}

  async export(orgId: string, query: SubjectQuery): Promise<CandidateExport> {
    const s = await this.locator.locate(orgId, query);
    const resumes = [];
    for (const r of s.resumes) {
      const bytes = await this.files.read(r.fileId);
      const { _id, ...rest } = r;
      resumes.push({
        id: String(_id),
        ...rest,
        file: {
          filename: r.filename,
          contentType: CONTENT_TYPES[r.kind],
          encoding: 'base64',
          data: bytes.toString('base64'),
        },
      });
    }
    const ids = [...s.applicationIds, ...s.resumeIds];
    const audit = await this.connection
      .collection('auditEvents')
      .find(
        {
          orgId,
          $or: [{ 'details.applicationId': { $in: ids } }, { 'details.resumeId': { $in: ids } }],
        },
        { projection: { _id: 0 } },
      )
      .toArray();
    const other: Record<string, unknown[]> = {};
    for (const e of this.registry.all()) if (e.export) other[e.store] = await e.export(s);
    return {
      format: 'screener-candidate-export/v1',
      generatedAt: new Date().toISOString(),
      orgId,
      resumes,
      applications: s.applications.map(({ _id, ...a }) => ({ id: String(_id), ...a })),
      demographics: (await this.demographics.findByResumes(
        orgId,
        s.resumeIds,
      )) as unknown as Record<string, unknown>[],
      decisionLog: (await this.decisionLog.forApplications(
        orgId,
        s.applicationIds,
      )) as unknown as Record<string, unknown>[],
      auditEvents: audit,
      other,
    };
  }
}
