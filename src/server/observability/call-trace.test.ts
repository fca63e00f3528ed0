import { createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { callTrace, setCallTrace } from './call-trace';

describe('call trace', () => {
  const key = createContextKey('test');

  test('a call has no trace context until one is set, then the one set', () => {
    const call = { peer: 'ipv4:127.0.0.1:1' };
    expect(callTrace(call)).toBeUndefined();
    const trace = ROOT_CONTEXT.setValue(key, 1);
    setCallTrace(call, trace);
    expect(callTrace(call)).toBe(trace);
    // Each call keeps its own.
    expect(callTrace({ peer: 'ipv4:127.0.0.1:1' })).toBeUndefined();
  });

  test('the context stays out of what is enumerated or serialised (a logged call object shows nothing more)', () => {
    const call = { peer: 'ipv4:127.0.0.1:1' };
    setCallTrace(call, ROOT_CONTEXT.setValue(key, 'x'));
    expect(Object.keys(call)).toEqual(['peer']);
    expect(JSON.stringify(call)).toBe('{"peer":"ipv4:127.0.0.1:1"}');
  });

  test.each([
    ['frozen', Object.freeze({ peer: 'a' })],
    ['sealed', Object.seal({ peer: 'a' })],
    ['non-extensible', Object.preventExtensions({ peer: 'a' })],
  ])('a %s call object still gets its context (kept aside), without a throw', (_kind, call) => {
    const trace = ROOT_CONTEXT.setValue(key, 2);
    expect(() => setCallTrace(call, trace)).not.toThrow();
    expect(callTrace(call)).toBe(trace);
  });
});
