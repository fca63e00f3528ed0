import { captureAddressAu } from './capture_address_au';
import { captureAlphanumeric } from './capture_alphanumeric';
import { captureDateAu } from './capture_date_au';
import { captureDatetimeAu } from './capture_datetime_au';
import { captureEmailAu } from './capture_email_au';
import { captureNameAu } from './capture_name_au';
import { captureNumber } from './capture_number';
import { capturePhoneAu } from './capture_phone_au';
import { captureTimeAu } from './capture_time_au';
import { captureYesNo } from './capture_yes_no';
import { captureHandler, DEFAULT_STATE_MACHINE_OPTIONS, type StateMachineOptions } from './objective/state-machine';
import type { AnyCaptureSpec } from './objective/capture-spec';
import { PrimitiveRegistry } from './registry';

/**
 * The capture primitives Voice Core serves out of the box: adding one here is
 * all it takes to serve it, score it on its corpus and give it typed params in
 * the SDK (which derives them from this list's types).
 */
export const BUILT_IN_CAPTURES = [
  captureEmailAu,
  capturePhoneAu,
  captureAddressAu,
  captureNameAu,
  captureDateAu,
  captureTimeAu,
  captureDatetimeAu,
  captureYesNo,
  captureNumber,
  captureAlphanumeric,
] as const satisfies readonly AnyCaptureSpec[];

/** The objective types of the built-in primitives. */
export type BuiltInObjectiveType = (typeof BUILT_IN_CAPTURES)[number]['objectiveType'];

export const BUILT_IN_OBJECTIVE_TYPES: ReadonlySet<string> = new Set<BuiltInObjectiveType>(BUILT_IN_CAPTURES.map((s) => s.objectiveType));

/** A registry holding every built-in primitive, run with the given state-machine options. */
export function createDefaultRegistry(options: StateMachineOptions = DEFAULT_STATE_MACHINE_OPTIONS): PrimitiveRegistry {
  const registry = new PrimitiveRegistry();
  const specs: readonly AnyCaptureSpec[] = BUILT_IN_CAPTURES;
  // Capture handlers are synchronous state machines with no side effect: pure.
  for (const spec of specs) registry.register(spec.objectiveType, captureHandler(spec, options), { pure: true });
  return registry;
}
