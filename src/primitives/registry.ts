import type { PrimitiveHandler } from './types';

/**
 * Maps objective_type to the handler that runs it. The runtime looks types up
 * here; applications add their own primitives with `register()`.
 */
export class PrimitiveRegistry {
  private readonly handlers = new Map<string, PrimitiveHandler<any>>();

  /** Adds a primitive. Replacing an existing type must be asked for, so that a typo cannot shadow a built-in. */
  register<S>(objectiveType: string, handler: PrimitiveHandler<S>, options: { replace?: boolean } = {}): this {
    if (!/^[a-z][a-z0-9_]*$/.test(objectiveType)) {
      throw new RangeError(`objective type "${objectiveType}" must be snake_case: lowercase letters, digits and underscores`);
    }
    if (this.handlers.has(objectiveType) && options.replace !== true) {
      throw new RangeError(`objective type "${objectiveType}" is already registered; pass { replace: true } to replace it`);
    }
    this.handlers.set(objectiveType, handler as PrimitiveHandler<any>);
    return this;
  }

  get(objectiveType: string): PrimitiveHandler<unknown> | undefined {
    return this.handlers.get(objectiveType);
  }

  has(objectiveType: string): boolean {
    return this.handlers.has(objectiveType);
  }

  /** Registered objective types, sorted. */
  types(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
