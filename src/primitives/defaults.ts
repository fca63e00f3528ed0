import { captureAddressAu } from './capture_address_au';
import { captureDateAu } from './capture_date_au';
import { captureDatetimeAu } from './capture_datetime_au';
import { captureEmailAu } from './capture_email_au';
import { captureNameAu } from './capture_name_au';
import { captureNumber } from './capture_number';
import { capturePhoneAu } from './capture_phone_au';
import { captureTimeAu } from './capture_time_au';
import { captureYesNo } from './capture_yes_no';
import { captureHandler, DEFAULT_STATE_MACHINE_OPTIONS, type StateMachineOptions } from './objective/state-machine';
import type { CaptureSpec } from './objective/capture-spec';
import { PrimitiveRegistry } from './registry';

/** The capture primitives Voice Core serves out of the box. */
export const BUILT_IN_CAPTURES: ReadonlyArray<CaptureSpec<any>> = [
  captureEmailAu,
  capturePhoneAu,
  captureAddressAu,
  captureNameAu,
  captureDateAu,
  captureTimeAu,
  captureDatetimeAu,
  captureYesNo,
  captureNumber,
];

/** A registry holding every built-in primitive, run with the given state-machine options. */
export function createDefaultRegistry(options: StateMachineOptions = DEFAULT_STATE_MACHINE_OPTIONS): PrimitiveRegistry {
  const registry = new PrimitiveRegistry();
  for (const spec of BUILT_IN_CAPTURES) registry.register(spec.objectiveType, captureHandler(spec, options));
  return registry;
}
