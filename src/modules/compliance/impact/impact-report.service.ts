import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import { buildImpactReport, impactReportCsv, ll144Summary } from '../../../../libs/fairness';
import { DemographicsRepository } from '../demographics/demographics.repository';
import { ImpactDataSource } from './impact-data.source';
import { ImpactQuery, ImpactResponse } from './impact.dto';
import { populationFor, selectionMeaning } from './impact-population';

const day = (d?: Date) => d?.toISOString().slice(0, 10);

/** The self-serve adverse-impact report (selection rates, impact ratios, four-fifths, Fisher). */
@Injectable()
export class ImpactReportService {
  constructor(
    private readonly data: ImpactDataSource,
    private readonly demographics: DemographicsRepository,
  ) {}

  async report(orgId: string, q: ImpactQuery): Promise<ImpactResponse> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from >= to)
      throw new DomainError('REPORT.BAD_PERIOD', '"from" must be before "to".', 'validation');
    const { rows, erased } = await this.data.rows(orgId, {
      jobId: q.jobId,
      from,
      to,
      modelVersion: q.modelVersion,
    });
    const answers = await this.demographics.findByApplications(
      orgId,
      rows.map((r) => r.applicationId).filter((id) => !erased.has(id)),
    );
    const population = populationFor(rows, q.stage, q.basis, answers);
    const report = buildImpactReport(population.outcomes);
    const stageRows = rows.filter((r) =>
      q.stage === 'screen' ? r.score !== null : r.decision !== null,
    );
    const basis = q.stage === 'screen' ? q.basis : null;
    return {
      query: {
        jobId: q.jobId,
        from: q.from,
        to: q.to,
        stage: q.stage,
        basis: q.basis,
        modelVersion: q.modelVersion,
      },
      generatedAt: new Date().toISOString(),
      stage: q.stage,
      basis,
      median: population.median,
      excluded: population.excluded,
      erased: stageRows.filter((r) => erased.has(r.applicationId)).length,
      modelVersions: population.modelVersions,
      report,
      ll144: ll144Summary(report, {
        auditDate: day(new Date()) as string,
        dataFrom: day(from),
        dataTo: day(to),
        selectionMeaning: selectionMeaning(q.stage, q.basis, population.median),
        rateKind: basis === 'median' ? 'scoring rate' : 'selection rate',
        modelVersions: population.modelVersions,
        jobId: q.jobId,
      }),
    };
  }

  csv(res: ImpactResponse): string {
    return impactReportCsv(res.report);
  }
}
