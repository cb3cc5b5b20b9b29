import type { Model } from 'mongoose';
import { systemContext } from '../../common/tenancy/org-context';
import type { AuditEvent } from './audit-event.schema';
import { AuditService, auditFrom } from './audit.service';

describe(AuditService.name, () => {
  it('appends one event with the acting context, a server timestamp and defaults', async () => {
    const model = { create: jest.fn(async () => undefined) };
    const sut = new AuditService(model as unknown as Model<AuditEvent>);
    const before = Date.now();
    await sut.record({
      ...auditFrom({ ...systemContext('org-1', 'ops'), ip: '10.0.0.9' }),
      action: 'client.created',
    });
    const [doc] = model.create.mock.calls[0] as unknown as [AuditEvent];
    expect(doc).toMatchObject({
      orgId: 'org-1',
      action: 'client.created',
      actor: { sub: 'ops', kind: 'system' },
      ip: '10.0.0.9',
      requestId: null,
      details: {},
    });
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('offers no way to change or remove events', () => {
    const methods = Object.getOwnPropertyNames(AuditService.prototype).filter(
      (m) => m !== 'constructor',
    );
    expect(methods).toEqual(['record']);
  });
});
