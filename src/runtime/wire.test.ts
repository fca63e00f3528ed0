import { ErrorCode } from '../../generated/voice_core/voice_core';
import { fromProtoErrorCode, isAbortError, PRIMITIVE_ERROR_CODES, toProtoErrorCode } from './wire';

/** Every value of the proto enum, read from the generated enum object itself. */
const protoCodes = Object.values(ErrorCode).filter((v): v is ErrorCode => typeof v === 'number');

describe('proto <-> domain error codes', () => {
  test('every proto error code but UNSPECIFIED has a domain code, and maps back to itself', () => {
    const meaningful = protoCodes.filter((c) => c !== ErrorCode.ERROR_CODE_UNSPECIFIED && c !== ErrorCode.UNRECOGNIZED);
    expect(meaningful.length).toBeGreaterThan(0);
    for (const code of meaningful) {
      const domain = fromProtoErrorCode(code);
      expect(domain).not.toBe('UNSPECIFIED');
      expect(toProtoErrorCode(domain as Exclude<typeof domain, 'UNSPECIFIED'>)).toBe(code);
    }
  });

  test('every domain code has its own proto code, and maps back to itself', () => {
    const proto = PRIMITIVE_ERROR_CODES.map(toProtoErrorCode);
    expect(new Set(proto).size).toBe(PRIMITIVE_ERROR_CODES.length);
    for (const code of PRIMITIVE_ERROR_CODES) expect(fromProtoErrorCode(toProtoErrorCode(code))).toBe(code);
  });

  test('UNSPECIFIED, UNRECOGNIZED and values from a newer proto read as UNSPECIFIED', () => {
    expect(fromProtoErrorCode(ErrorCode.ERROR_CODE_UNSPECIFIED)).toBe('UNSPECIFIED');
    expect(fromProtoErrorCode(ErrorCode.UNRECOGNIZED)).toBe('UNSPECIFIED');
    expect(fromProtoErrorCode(99 as ErrorCode)).toBe('UNSPECIFIED');
  });
});

describe('abort detection', () => {
  test('recognises a DOMException abort, an aborted signal reason and a named AbortError; nothing else', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).toBe(true);
    const named = new Error('stopped');
    named.name = 'AbortError';
    expect(isAbortError(named)).toBe(true);
    expect(isAbortError(new Error('AbortError'))).toBe(false);
    expect(isAbortError(new DOMException('too slow', 'TimeoutError'))).toBe(false);
    expect(isAbortError(undefined)).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
  });
});
