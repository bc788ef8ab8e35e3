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
  setAway: 'qm.setAway',
  endAway: 'qm.endAway',
  queue: 'qm.queue',
  queueClaim: 'qm.queueClaim',
  board: 'qm.board',
  boardList: 'qm.boardList',
  report: 'qm.report',
  reportPack: 'qm.reportPack',
  showCard: 'qm.showCard',
  history: 'qm.history',
  addNote: 'qm.addNote',
  updateVendorCase: 'qm.updateVendorCase',
  move: 'qm.move',
  myInquiries: 'qm.myInquiries',
  addInfo: 'qm.addInfo',
  withdraw: 'qm.withdraw',
  reopen: 'qm.reopen',
  rate: 'qm.rate',
  suggestionSolved: 'qm.suggestionSolved',
  suggestionSendOn: 'qm.suggestionSendOn',
  publishAnswer: 'qm.publishAnswer',
  useAnswer: 'qm.useAnswer',
  editEntry: 'qm.editEntry',
  saveEntry: 'qm.saveEntry',
  retireEntry: 'qm.retireEntry',
  erasePerson: 'qm.erasePerson',
  register: 'qm.register',
  search: 'qm.search',
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
  awayUntil: 'awayUntil',
  deputy: 'deputy',
  queueUnit: 'queueUnit',
  queueTopic: 'queueTopic',
  queueGroup: 'queueGroup',
  noteText: 'noteText',
  vendorCaseNumber: 'vendorCaseNumber',
  vendorReply: 'vendorReply',
  moveUnit: 'moveUnit',
  moveTopic: 'moveTopic',
  moveReason: 'moveReason',
  closingNote: 'closingNote',
  rating: 'rating',
  ratingComment: 'ratingComment',
  entryQuestion: 'entryQuestion',
  entryAnswer: 'entryAnswer',
  entryKeywords: 'entryKeywords',
  reportScope: 'reportScope',
  reportPeriod: 'reportPeriod',
  reportFrom: 'reportFrom',
  reportTo: 'reportTo',
  intakeEmployee: 'intakeEmployee',
  intakeTopic: 'intakeTopic',
  intakeQuestion: 'intakeQuestion',
  intakeChannel: 'intakeChannel',
} as const;

/** The dataset the intake card's employee field asks the bot to search as the helpdesk types. */
export const peopleDataset = 'qm.people';

/**
 * Ids of the inputs on a card that lists several inquiries ("mine saker"): each inquiry's inputs
 * carry its id, so that they stay apart.
 */
export const listInputs = {
  info: (inquiryId: string) => `info-${inquiryId}`,
  reason: (inquiryId: string) => `reason-${inquiryId}`,
  comment: (inquiryId: string) => `comment-${inquiryId}`,
} as const;
