import type { PrimitiveHandler } from './types';

/**
 * Maps objective_type to the handler that runs it. The runtime looks types up
 * here; applications add their own primitives with `register()`.
 */
export class PrimitiveRegistry {
  private readonly handlers = new Map<string, PrimitiveHandler<any>>();
  private readonly versions = new Map<string, string>();
  private readonly pure = new Set<string>();

  /**
   * Adds a primitive. Replacing an existing type must be asked for, so that a typo cannot shadow a built-in.
   * `version` is reported by HealthCheck (built-in primitives go by the package version).
   * `pure` promises that the handler answers synchronously, depends only on its input, session and clock, and
   * has no side effect: the runtime may then run it again on a fresher session (one Redis round trip per turn).
   */
  register<S>(
    objectiveType: string,
    handler: PrimitiveHandler<S>,
    options: { replace?: boolean; version?: string; pure?: boolean } = {},
  ): this {
    if (!/^[a-z][a-z0-9_]*$/.test(objectiveType)) {
      throw new RangeError(`objective type "${objectiveType}" must be snake_case: lowercase letters, digits and underscores`);
    }
    if (this.handlers.has(objectiveType) && options.replace !== true) {
      throw new RangeError(`objective type "${objectiveType}" is already registered; pass { replace: true } to replace it`);
    }
    this.handlers.set(objectiveType, handler as PrimitiveHandler<any>);
    if (options.version === undefined) this.versions.delete(objectiveType);
    else this.versions.set(objectiveType, options.version);
    if (options.pure === true) this.pure.add(objectiveType);
    else this.pure.delete(objectiveType);
    return this;
  }

  get(objectiveType: string): PrimitiveHandler<unknown> | undefined {
    return this.handlers.get(objectiveType);
  }

  /** The version the primitive was registered with, if any. */
  version(objectiveType: string): string | undefined {
    return this.versions.get(objectiveType);
  }

  /** Whether the primitive was registered as pure: synchronous, deterministic, free of side effects. */
  isPure(objectiveType: string): boolean {
    return this.pure.has(objectiveType);
  }

  has(objectiveType: string): boolean {
    return this.handlers.has(objectiveType);
  }

  /** Registered objective types, sorted. */
  types(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
