import { InvalidParamsError } from '../types';
import type { ParamDeclarations, ParamValues } from './declaration';
import { shown } from './limits';
import { readParam } from './readers';

/**
 * Reads the params a declaration table names; a param it does not name is
 * refused, listing those it does (`accepted`, when the caller reads several
 * tables, e.g. the base params and the primitive's own).
 */
export function readParams<D extends ParamDeclarations>(
  declarations: D,
  params: Readonly<Record<string, string>>,
  context: { objectiveType: string; accepted?: readonly string[] },
): ParamValues<D> {
  const accepted = context.accepted ?? Object.keys(declarations);
  for (const key of Object.keys(params)) {
    if (!accepted.includes(key)) {
      throw new InvalidParamsError(
        `params.${shown(key)}`,
        `params.${shown(key)} is not a parameter of ${context.objectiveType}; it accepts ${accepted.join(', ')}`,
      );
    }
  }
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(declarations)) {
    values[name] = readParam(name, declarations[name], Object.hasOwn(params, name) ? params[name] : undefined);
  }
  return values as ParamValues<D>;
}
