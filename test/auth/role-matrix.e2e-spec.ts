import { Controller, Get, type INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import {
  Access,
  IS_PUBLIC_KEY,
  Public,
  ROLES_KEY,
} from '../../src/common/security/auth.decorators';
import { isInfrastructurePath } from '../../src/common/security/jwt-auth.guard';
import {
  ENDPOINT_ACCESS,
  ENDPOINT_CLASSES,
  ROLES,
  type EndpointClass,
  type Role,
} from '../../src/common/security/roles';
import { bearer, createOrgWithToken, tokenFor } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

/**
 * The README's role matrix, written out by hand (not derived from ENDPOINT_ACCESS), so a
 * change to the enforced table that is not also made here fails this suite.
 */
const MATRIX: Record<EndpointClass, Role[]> = {
  'org.admin': ['admin'],
  self: ['admin', 'recruiter', 'hiring_manager', 'auditor', 'service'],
  'jobs.read': ['recruiter', 'hiring_manager', 'service'],
  'jobs.write': ['recruiter', 'service'],
  'resumes.upload': ['recruiter', 'service'],
  'applications.read': ['recruiter', 'service'],
  'shortlist.read': ['recruiter', 'hiring_manager', 'service'],
  'decisions.write': ['recruiter', 'hiring_manager', 'service'],
  'audit.read': ['auditor'],
  'reports.read': ['auditor'],
  'demographics.read': ['admin', 'auditor'],
};

/** One route per endpoint class of the matrix, plus an open and a policy-less route. */
@Controller('__probe')
class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { ok: 'open' };
  }

  @Get('forgotten')
  forgotten() {
    return { ok: 'forgotten' };
  }

  @Get('org.admin')
  @Access('org.admin')
  orgAdmin() {
    return { ok: 'org.admin' };
  }

  @Get('self')
  @Access('self')
  self() {
    return { ok: 'self' };
  }

  @Get('jobs.read')
  @Access('jobs.read')
  jobsRead() {
    return { ok: 'jobs.read' };
  }

  @Get('jobs.write')
  @Access('jobs.write')
  jobsWrite() {
    return { ok: 'jobs.write' };
  }

  @Get('resumes.upload')
  @Access('resumes.upload')
  resumesUpload() {
    return { ok: 'resumes.upload' };
  }

  @Get('applications.read')
  @Access('applications.read')
  applicationsRead() {
    return { ok: 'applications.read' };
  }

  @Get('shortlist.read')
  @Access('shortlist.read')
  shortlistRead() {
    return { ok: 'shortlist.read' };
  }

  @Get('decisions.write')
  @Access('decisions.write')
  decisionsWrite() {
    return { ok: 'decisions.write' };
  }

  @Get('audit.read')
  @Access('audit.read')
  auditRead() {
    return { ok: 'audit.read' };
  }

  @Get('reports.read')
  @Access('reports.read')
  reportsRead() {
    return { ok: 'reports.read' };
  }

  @Get('demographics.read')
  @Access('demographics.read')
  demographicsRead() {
    return { ok: 'demographics.read' };
  }
}

describe('role × endpoint-class matrix', () => {
  let app: INestApplication;
  let orgId: string;
  const tokens = {} as Record<Role, string>;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createAuthApp({}, [ProbeController]);
    ({ orgId } = await createOrgWithToken(app, ['admin']));
    for (const role of ROLES) tokens[role] = await tokenFor(app, orgId, [role]);
  });
  afterAll(async () => app?.close());

  it('covers every endpoint class that the code defines', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ENDPOINT_CLASSES].sort());
  });

  const cells = ENDPOINT_CLASSES.flatMap((cls) => ROLES.map((role) => [cls, role] as const));
  it.each(cells)('%s as %s: allowed or 403 exactly as the matrix says', async (cls, role) => {
    const res = await http().get(`/__probe/${cls}`).set(bearer(tokens[role]));
    if (MATRIX[cls].includes(role)) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: cls });
    } else {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('AUTH.FORBIDDEN_ROLE');
    }
  });

  it('requires a token on every class, and serves @Public routes without one', async () => {
    for (const cls of ENDPOINT_CLASSES) {
      const res = await http().get(`/__probe/${cls}`);
      expect(res.status).toBe(401);
    }
    expect((await http().get('/__probe/open')).status).toBe(200);
  });

  it('closes a route that declares no role policy, for every role', async () => {
    for (const role of ROLES) {
      const res = await http().get('/__probe/forgotten').set(bearer(tokens[role]));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('AUTH.NO_ROLE_POLICY');
    }
  });

  it('lets a principal with several roles in when any of them is allowed', async () => {
    const both = await tokenFor(app, orgId, ['auditor', 'hiring_manager']);
    expect((await http().get('/__probe/decisions.write').set(bearer(both))).status).toBe(200);
    expect((await http().get('/__probe/audit.read').set(bearer(both))).status).toBe(200);
    expect((await http().get('/__probe/jobs.write').set(bearer(both))).status).toBe(403);
  });

  // The identity module's own endpoints, by their class.
  const real: [string, string, EndpointClass][] = [
    ['GET', '/clients', 'org.admin'],
    ['GET', '/sso/config', 'org.admin'],
    ['GET', '/auth/me', 'self'],
    ['GET', '/orgs/current', 'self'],
  ];
  it.each(real.flatMap(([m, path, cls]) => ROLES.map((role) => [m, path, cls, role] as const)))(
    '%s %s (%s) as %s',
    async (_method, path, cls, role) => {
      const res = await http().get(path).set(bearer(tokens[role]));
      if (MATRIX[cls].includes(role)) expect(res.status).not.toBe(403);
      else expect(res.status).toBe(403);
      expect(res.status).not.toBe(401);
    },
  );

  it('gives every route of the real API a policy: @Public, infrastructure, or one matrix class', () => {
    const classesByRoles = new Map(
      ENDPOINT_CLASSES.map((cls) => [[...ENDPOINT_ACCESS[cls]].sort().join(','), cls]),
    );
    const offenders: string[] = [];
    let inspected = 0;
    for (const mod of app.get(ModulesContainer).values()) {
      for (const { metatype } of mod.controllers.values()) {
        if (!metatype || metatype === ProbeController) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        const proto = metatype.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (!Reflect.hasMetadata(PATH_METADATA, handler)) continue;
          inspected += 1;
          const path = `/${base}/${Reflect.getMetadata(PATH_METADATA, handler)}`
            .replace(/\/+/g, '/')
            .replace(/(.)\/$/, '$1');
          const meta = (key: string) =>
            Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, metatype);
          const roles = meta(ROLES_KEY) as Role[] | undefined;
          const open = meta(IS_PUBLIC_KEY) === true || isInfrastructurePath(path);
          if (open) continue;
          if (!roles || !classesByRoles.has([...roles].sort().join(','))) {
            offenders.push(`${metatype.name}.${name} ${path} roles=${roles ?? 'none'}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
    // The identity module alone has 11 routes; fewer means the scan missed controllers.
    expect(inspected).toBeGreaterThanOrEqual(11);
  });

  it('serves health, metrics, JWKS and the API docs without a token', async () => {
    for (const path of ['/health/live', '/metrics', '/.well-known/jwks.json', '/docs-json']) {
      expect([path, (await http().get(path)).status]).toEqual([path, 200]);
    }
  });
});
