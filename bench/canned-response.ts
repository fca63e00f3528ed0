import type { ExecutePrimitiveResponse } from '../generated/voice_core/voice_core';

/** What the reference servers answer: what Voice Core answers the seed request, minus the work. */
export const CANNED_RESPONSE: ExecutePrimitiveResponse = {
  success: true,
  value: 'jane@gmail.com',
  fields: {},
  state: 'completed',
  prompt: '',
  promptSsml: '',
  readbackToken: '',
  error: undefined,
  metadata: { durationMs: 0.01, retryCount: 0, confidence: 0.85, state: 'completed' },
  traceId: 'trace-001',
  conversationId: 'test-001',
  objectiveType: 'capture_email_au',
};
