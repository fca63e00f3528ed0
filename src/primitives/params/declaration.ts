/**
 * How a primitive declares its params: each one's name (the key), type,
 * default and what is refused. The state machine reads every param from
 * these declarations with one set of readers (readers.ts), and the SDK
 * derives its typed params from the same objects (src/client/types.ts), so
 * a declaration is the only place a param is described.
 *
 * Declarations are plain data written `as const` (see `declareParams`), so
 * that their literal types (enum values, whether a default exists) reach the
 * SDK's types.
 */

interface Described {
  /** One line for the guide and the SDK: what the param changes. */
  readonly description: string;
}

/** Free text. Blank is absent. `check` refuses values; `expected` completes "params.X must be …". */
export interface TextParam extends Described {
  readonly type: 'text';
  readonly check?: (value: string) => boolean;
  readonly expected?: string;
  /** The value is what the caller gave (keys they pressed): a refusal does not quote it, since refusals are logged. */
  readonly private?: boolean;
}

/** "true" or "false", in any case. */
export interface BooleanParam extends Described {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** A decimal number ("0.85", "-2", "1e-3"); hex, binary and octal forms are refused. */
export interface NumberParam extends Described {
  readonly type: 'number';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** One of a fixed set of words, in any case. */
export interface EnumParam<V extends string = string> extends Described {
  readonly type: 'enum';
  readonly values: readonly V[];
  readonly default: V;
}

/** An ISO 8601 date and time with a UTC offset; read as ms since the epoch. Absent reads as undefined. */
export interface IsoTimeParam extends Described {
  readonly type: 'iso-time';
}

/** An IANA time zone name; read in its canonical spelling. */
export interface IanaZoneParam extends Described {
  readonly type: 'iana-zone';
  readonly default: string;
}

export type ParamDeclaration = TextParam | BooleanParam | NumberParam | EnumParam | IsoTimeParam | IanaZoneParam;

/** A primitive's params by wire name (snake_case). */
export type ParamDeclarations = { readonly [name: string]: ParamDeclaration };

/** The declarations of a primitive that takes no params of its own. */
export type NoParams = Record<never, never>;

/** Keeps the literal types of a declaration table (enum values, defaults) for the state machine and the SDK. */
export function declareParams<const D extends ParamDeclarations>(declarations: D): D {
  return declarations;
}

/** What a declared param reads as, inside the primitive. */
export type ParamValue<D extends ParamDeclaration> = D extends BooleanParam
  ? boolean
  : D extends EnumParam<infer V>
    ? V
    : D extends NumberParam
      ? D extends { readonly default: number }
        ? number
        : number | undefined
      : D extends IsoTimeParam
        ? number | undefined
        : D extends IanaZoneParam
          ? string
          : string | undefined;

/** The values of a declaration table, as `options()` receives them. */
export type ParamValues<D extends ParamDeclarations> = { readonly [K in keyof D]: ParamValue<D[K]> };
