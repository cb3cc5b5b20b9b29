import { Controller, ExecutionContext, Get, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import { DomainError } from '../../../libs/common/errors';
import { Access, Public, Roles } from './auth.decorators';
import { AcceptContentTypes, ContentTypeGuard } from './content-type.guard';
import { isInfrastructurePath, JwtAuthGuard } from './jwt-auth.guard';
import type { Principal } from './principal';
import { RolesGuard } from './roles.guard';

@Controller('x')
class Routes {
  @Get() @Public() open() {}
  @Get() @Access('jobs.write') jobsWrite() {}
  @Get() @Roles('auditor') auditOnly() {}
  @Get() none() {}
  @Post() @ApiConsumes('multipart/form-data') upload() {}
  @Post() @AcceptContentTypes('text/csv') csv() {}
}

function ctx(
  handler: keyof Routes,
  req: Partial<{ path: string; user: Principal; headers: Record<string, string> }>,
) {
  const request = { path: '/x', headers: {}, ...req };
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const principal = (...roles: Principal['roles']): Principal => ({
  sub: 's',
  orgId: 'o',
  roles,
  kind: 'client',
});
const reflector = new Reflector();
const jwt = new JwtAuthGuard(reflector);

describe('JwtAuthGuard.isPublic', () => {
  it('opens @Public routes and infrastructure paths only', () => {
    expect(jwt.isPublic(ctx('open', {}))).toBe(true);
    expect(jwt.isPublic(ctx('none', { path: '/health/ready' }))).toBe(true);
    expect(jwt.isPublic(ctx('none', { path: '/metrics' }))).toBe(true);
    expect(jwt.isPublic(ctx('none', { path: '/metrics-export' }))).toBe(false);
    expect(jwt.isPublic(ctx('none', { path: '/healthy' }))).toBe(false);
  });

  it('never opens a route that declares roles, whatever its path', () => {
    expect(jwt.isPublic(ctx('auditOnly', { path: '/health/secret' }))).toBe(false);
  });

  it('recognises only exact infrastructure paths', () => {
    expect(['/health/live', '/metrics'].every(isInfrastructurePath)).toBe(true);
    expect(['/metrics/x', '/health', '/Health/live'].some(isInfrastructurePath)).toBe(false);
  });
});

describe(RolesGuard.name, () => {
  const sut = new RolesGuard(reflector, jwt);
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return 'allowed';
    } catch (e) {
      return (e as DomainError).code;
    }
  };

  it('allows a matching role and refuses others with AUTH.FORBIDDEN_ROLE', () => {
    expect(codeOf(() => sut.canActivate(ctx('jobsWrite', { user: principal('service') })))).toBe(
      'allowed',
    );
    expect(
      codeOf(() => sut.canActivate(ctx('jobsWrite', { user: principal('hiring_manager') }))),
    ).toBe('AUTH.FORBIDDEN_ROLE');
    expect(
      codeOf(() => sut.canActivate(ctx('auditOnly', { user: principal('admin', 'auditor') }))),
    ).toBe('allowed');
  });

  it('fails closed on a route without a policy, and skips public routes', () => {
    expect(codeOf(() => sut.canActivate(ctx('none', { user: principal('admin') })))).toBe(
      'AUTH.NO_ROLE_POLICY',
    );
    expect(codeOf(() => sut.canActivate(ctx('open', {})))).toBe('allowed');
  });
});

describe(ContentTypeGuard.name, () => {
  const sut = new ContentTypeGuard(reflector);
  const withBody = (type?: string) => ({
    headers: { 'content-length': '10', ...(type !== undefined && { 'content-type': type }) },
  });
  const check = (handler: keyof Routes, type?: string) => {
    try {
      return sut.canActivate(ctx(handler, withBody(type)));
    } catch (e) {
      return (e as DomainError).code;
    }
  };

  it('accepts JSON by default (any charset parameter) and refuses other types with 415', () => {
    expect(check('jobsWrite', 'application/json; charset=utf-8')).toBe(true);
    expect(check('jobsWrite', 'text/plain')).toBe('COMMON.UNSUPPORTED_MEDIA_TYPE');
    expect(check('jobsWrite')).toBe('COMMON.UNSUPPORTED_MEDIA_TYPE');
  });

  it('enforces @ApiConsumes and @AcceptContentTypes lists', () => {
    expect(check('upload', 'multipart/form-data; boundary=x')).toBe(true);
    expect(check('upload', 'application/json')).toBe('COMMON.UNSUPPORTED_MEDIA_TYPE');
    expect(check('csv', 'text/csv')).toBe(true);
  });

  it('ignores requests without a body', () => {
    expect(sut.canActivate(ctx('jobsWrite', { headers: { 'content-type': 'text/plain' } }))).toBe(
      true,
    );
    expect(sut.canActivate(ctx('jobsWrite', { headers: { 'content-length': '0' } }))).toBe(true);
  });
});
