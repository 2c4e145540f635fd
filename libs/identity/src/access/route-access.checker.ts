import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from './access.decorator.js';

export interface RouteAccess {
  controller: string;
  handler: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segments = parts
    .map((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .flatMap((p) => p.split('/'))
    .filter(Boolean);
  return `/${segments.join('/')}`;
}

/**
 * Walks every controller route and refuses to boot if one does not state who may
 * call it. The same table feeds the tests that prove each rule.
 */
@Injectable()
export class RouteAccessChecker implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteAccess[] {
    const routes: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type || !wrapper.instance) continue;
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      const base = this.reflector.get<string | string[]>(PATH_METADATA, type);
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const path = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = this.reflector.get<RequestMethod>(METHOD_METADATA, handler);
        routes.push({
          controller: type.name,
          handler: name,
          method: RequestMethod[method] ?? String(method),
          path: joinPath(base, path),
          rule:
            this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, handler) ??
            this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, type),
        });
      }
    }
    return routes;
  }

  onApplicationBootstrap(): void {
    const undeclared = this.routes().filter((route) => !route.rule);
    if (undeclared.length) {
      const list = undeclared.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`).join(', ');
      throw new Error(`Routes without an access rule (@Public, @Authenticated or @Roles): ${list}`);
    }
  }
}
