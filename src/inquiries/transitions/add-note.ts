import { clip, textRefusal, type Transition } from './transition';

/**
 * An internal note: what a handler tried, what the vendor said. Only handlers see it, on the card
 * and in the history; it is not a response, so the escalation clock runs on as it was.
 */
export const addNote: Transition<{ type: 'add_note'; text: string }> = {
  givenBy: 'handler',
  check: (command) => textRefusal(command.text),
  guard: () => undefined,
  apply: (inquiry, command, step) =>
    step.change(
      {},
      {
        type: 'noted',
        level: inquiry.level,
        ...(clip(command.text) ? { note: clip(command.text) } : {}),
      },
      [{ kind: 'triage.update', inquiryId: inquiry.id }],
    ),
};
