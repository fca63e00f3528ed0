import type { CapturePrompts } from '../objective/capture-spec';
import { afterNoFrame, stillUnclearFrame, unclearLineFrame } from '../objective/prompt-frames';

/**
 * What the agent says for capture_yes_no. The first ask is the question itself
 * when the call gives one; readings made with a question (every answer the
 * caller gives) carry their own prompts, built by `yesNoPrompts`.
 */
export const YES_NO_PROMPTS: CapturePrompts<{ question: string | undefined }> = {
  elicit(retryCount, options) {
    const question = options?.question;
    if (retryCount === 0) return question ?? 'Is that a yes or a no?';
    if (retryCount === 1) return 'Sorry, was that a yes or a no?';
    return question === undefined
      ? "Sorry, I still didn't catch that. Could you just say yes or no?"
      : `Just a yes or a no is fine. ${question}`;
  },
  // Never used: the answer to a yes/no question is its own confirmation.
  confirm(captured) {
    return `Just to check, that's a ${captured.value}. Is that right?`;
  },
  repair() {
    return afterNoFrame('Is it a yes or a no?');
  },
  lowConfidence(retryCount) {
    if (retryCount <= 1) return unclearLineFrame('Was that a yes or a no?');
    return stillUnclearFrame('Could you just say yes or no?');
  },
  unclearConfirmation() {
    return 'Sorry, was that a yes or a no?';
  },
  failed() {
    return "Sorry, I couldn't get a clear yes or no. Let's move on.";
  },
  speak(captured) {
    return captured.value;
  },
};

/** Prompts that know the question. */
export function yesNoPrompts(question: string | undefined) {
  return {
    /**
     * After an answer that did not answer; `failures` counts this one. Later
     * attempts say the question again and ask for just a yes or a no.
     */
    retry(failures: number): string {
      if (failures <= 1) return 'Sorry, was that a yes or a no?';
      return question === undefined ? YES_NO_PROMPTS.elicit(failures) : `Just a yes or a no is fine. ${question}`;
    },
    /** The caller asked to hear the question again. */
    repeat(): string {
      return question === undefined ? 'Sure. Is that a yes or a no?' : `Sure. ${question}`;
    },
    conflict(): string {
      return 'Sorry, I heard a yes and a no there. Which one is it?';
    },
    hedged(): string {
      return 'I can only note down a yes or a no here. So is it a yes, or a no?';
    },
    /** "Yes" to "Do you mind…?": ask in a way where yes can only mean one thing. */
    consent(): string {
      return 'Sorry, just to be clear: are you OK with that?';
    },
  };
}
