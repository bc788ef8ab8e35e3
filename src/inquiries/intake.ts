/** How an inquiry the helpdesk registered came in: by telephone, email, in person or otherwise. */
export const intakeChannels = ['phone', 'email', 'in_person', 'other'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

/** Who at the helpdesk registered an inquiry for the asker, and how the asker got in touch. */
export interface Intake {
  by: { key: string; name: string };
  channel: IntakeChannel;
}
