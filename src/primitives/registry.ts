import type { PrimitiveHandler } from './types';

/**
 * Maps objective_type to the handler that runs it. The runtime looks types up
 * here; applications add their own primitives with `register()`.
 */
export class PrimitiveRegistry {
  private readonly handlers = new Map<string, PrimitiveHandler<any>>();
  private readonly versions = new Map<string, string>();

  /**
   * Adds a primitive. Replacing an existing type must be asked for, so that a typo cannot shadow a built-in.
   * `version` is reported by HealthCheck (built-in primitives go by the package version).
   */
  register<S>(objectiveType: string, handler: PrimitiveHandler<S>, options: { replace?: boolean; version?: string } = {}): this {
    if (!/^[a-z][a-z0-9_]*$/.test(objectiveType)) {
      throw new RangeError(`objective type "${objectiveType}" must be snake_case: lowercase letters, digits and underscores`);
    }
    if (this.handlers.has(objectiveType) && options.replace !== true) {
      throw new RangeError(`objective type "${objectiveType}" is already registered; pass { replace: true } to replace it`);
    }
    this.handlers.set(objectiveType, handler as PrimitiveHandler<any>);
    if (options.version === undefined) this.versions.delete(objectiveType);
    else this.versions.set(objectiveType, options.version);
    return this;
  }

  get(objectiveType: string): PrimitiveHandler<unknown> | undefined {
    return this.handlers.get(objectiveType);
  }

  /** The version the primitive was registered with, if any. */
  version(objectiveType: string): string | undefined {
    return this.versions.get(objectiveType);
  }

  has(objectiveType: string): boolean {
    return this.handlers.has(objectiveType);
  }

  /** Registered objective types, sorted. */
  types(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
