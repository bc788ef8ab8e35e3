/** Action.Execute verbs, shared by the cards that carry them and the handlers that route them. */
export const Verbs = {
  pickUnit: 'qm.pickUnit',
  pickTopic: 'qm.pickTopic',
  claim: 'qm.claim',
  answer: 'qm.answer',
  handOver: 'qm.handOver',
  resolve: 'qm.resolve',
  escalate: 'qm.escalate',
  askAsker: 'qm.askAsker',
  confirmResolved: 'qm.confirmResolved',
  notResolved: 'qm.notResolved',
  suggestionSolved: 'qm.suggestionSolved',
  suggestionSendOn: 'qm.suggestionSendOn',
  publishAnswer: 'qm.publishAnswer',
  useAnswer: 'qm.useAnswer',
  editEntry: 'qm.editEntry',
  saveEntry: 'qm.saveEntry',
  retireEntry: 'qm.retireEntry',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

/** Ids of card inputs; Teams merges their values into the action's data. */
export const Inputs = {
  unitId: 'unitId',
  topicId: 'topicId',
  answerText: 'answerText',
  handOverTo: 'handOverTo',
  comment: 'comment',
  escalateNote: 'escalateNote',
  toVendor: 'toVendor',
  askerQuestion: 'askerQuestion',
  entryQuestion: 'entryQuestion',
  entryAnswer: 'entryAnswer',
  entryKeywords: 'entryKeywords',
} as const;
