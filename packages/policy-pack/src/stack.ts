import { isUnknown, plainProps } from './unknown.js';

/**
 * A resource as CrossGuard's stack validation passes it (`StackValidationArgs.resources[i]`), reduced
 * to what the adapters read. Tests build these by hand or from the resources a mocked program registers.
 */
export interface PolicyResourceLike {
  type: string;
  name: string;
  urn: string;
  /** Inputs (outputs during `pulumi up`); may be the policy SDK's unknown-checking proxy. */
  props: Record<string, unknown>;
  /** The resources each input property depends on: how a new bucket's satellites name it before its id is known. */
  propertyDependencies?: Readonly<Record<string, readonly { urn: string }[]>>;
  provider?: { props?: Record<string, unknown> } | undefined;
}

/** A stack resource with plain inputs (unknown values replaced by markers). */
export interface StackResource {
  type: string;
  name: string;
  urn: string;
  props: Record<string, unknown>;
  /** Input property → URNs it depends on. */
  dependsOn: Readonly<Record<string, readonly string[]>>;
  providerRegion: string | undefined;
}

/** What a reference input resolved to: a resource of the stack, nothing given, or something the stack cannot tell. */
export type Reference =
  | { kind: 'resource'; resource: StackResource }
  | { kind: 'none' }
  /** A known value that names nothing in this stack: a resource managed elsewhere. */
  | { kind: 'external' }
  /** An unknown value with no recorded dependency: it may name any resource of the stack. */
  | { kind: 'unresolved' };

/** The resources of one stack, indexed by type and URN, with reference resolution between them. */
export class Stack {
  readonly resources: readonly StackResource[];
  readonly #byType = new Map<string, StackResource[]>();
  readonly #byUrn = new Map<string, StackResource>();

  constructor(resources: readonly PolicyResourceLike[]) {
    this.resources = resources.map(toStackResource);
    for (const r of this.resources) {
      this.#byUrn.set(r.urn, r);
      let list = this.#byType.get(r.type);
      if (list === undefined) {
        list = [];
        this.#byType.set(r.type, list);
      }
      list.push(r);
    }
  }

  ofType(tokens: readonly string[]): StackResource[] {
    return tokens.flatMap((t) => this.#byType.get(t) ?? []);
  }

  byUrn(urn: string): StackResource | undefined {
    return this.#byUrn.get(urn);
  }

  /**
   * The resource of one of `targetTypes` that `resource.props[prop]` names: by value (the target's
   * id, ARN or one of `keys`), else through the property's dependencies (a new resource's id is
   * unknown at preview, but the engine records which resource the input came from).
   */
  resolve(resource: StackResource, prop: string, targetTypes: readonly string[], keys: readonly string[]): Reference {
    const value = resource.props[prop];
    if (value === undefined || value === null || value === '') return { kind: 'none' };
    const candidates = this.ofType(targetTypes);
    if (typeof value === 'string') {
      const found = candidates.find((c) => ['id', 'arn', ...keys].some((k) => c.props[k] === value));
      if (found !== undefined) return { kind: 'resource', resource: found };
    }
    for (const urn of resource.dependsOn[prop] ?? []) {
      const found = candidates.find((c) => c.urn === urn);
      if (found !== undefined) return { kind: 'resource', resource: found };
    }
    if (typeof value === 'string') return { kind: 'external' };
    return isUnknown(value) ? { kind: 'unresolved' } : { kind: 'none' };
  }
}

function toStackResource(r: PolicyResourceLike): StackResource {
  const dependsOn: Record<string, string[]> = {};
  for (const [prop, deps] of Object.entries(r.propertyDependencies ?? {})) {
    dependsOn[prop] = deps.map((d) => d.urn).filter((u): u is string => typeof u === 'string');
  }
  const region = r.provider?.props ? plainProps(r.provider.props, 'provider')['region'] : undefined;
  return {
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: plainProps(r.props, `${r.type} ${r.name}`),
    dependsOn,
    providerRegion: typeof region === 'string' ? region : undefined,
  };
}
