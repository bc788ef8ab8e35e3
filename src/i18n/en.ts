import { dateTimeIn, durationIn } from './format';
import type { Messages } from './nb';

/** English, used when the Teams locale asks for it. */
export const en: Messages = {
  levels: {
    superuser: 'Superuser',
    coordinator: 'Coordinator',
    system_responsible: 'System responsible',
    vendor: 'Vendor',
  },
  statuses: {
    new: 'New',
    claimed: 'In progress',
    answered: 'Answered',
    resolved: 'Resolved',
    waiting_for_asker: 'Waiting for asker',
    withdrawn: 'Withdrawn',
    stalled: 'Stalled',
  },
  askerStatus: {
    waitingSuperuser: 'Waiting for a superuser',
    sentOn: (levelName: string, workArea: string) =>
      `Passed on to the ${levelName.toLowerCase()} for ${workArea}`,
    handling: (name: string) => `${name} is looking at it`,
    answered: (name: string) => `Answered by ${name}`,
    resolved: 'Resolved',
    withdrawn: 'Withdrawn',
    waitingForYou: 'Waiting for your reply',
    stalled: 'Stalled at the vendor',
  },
  events: {
    opened: 'Submitted',
    routed: 'Sent to',
    claimed: 'took it',
    answered: 'answered',
    handed_over: 'handed it over to',
    resolved: 'marked it resolved',
    confirmed_resolved: 'The asker confirmed it is resolved',
    reopened: 'The asker replied "Not resolved"',
    escalated: 'Sent on to',
    reminded: 'Reminder sent',
    vendor_case: 'Vendor case recorded',
    vendor_reminded: 'Vendor case reminder sent',
    stalled: 'Stalled: the vendor has not answered',
    asked_asker: 'asked the asker',
    asker_replied: 'The asker replied to the question',
    notified: 'Notified',
    delivery_failed: 'Could not notify',
  },
  help: {
    title: 'Qm+ Help',
    intro:
      'Write your question about Qm+ here in the chat and I will send it to the superuser of your unit. You will get the answer here.',
    examples:
      'For example: "How do I report a deviation?" or "I cannot find the fire safety procedure in the e-handbook."',
    yourSuperusers: (unit: string) => `Superusers of ${unit}:`,
    noSuperusers: (unit: string) =>
      `${unit} has no superuser right now; questions go to the coordinator.`,
    privacy:
      'Do not write sensitive personal data (health, names of pupils or patients) in the chat.',
  },
  pickUnit: {
    title: 'Which unit do you belong to?',
    body: 'I did not find you in the staff list. Pick your unit and I will remember it next time.',
    placeholder: 'Search for a school, clinic or section',
    submit: 'Choose',
    required: 'Pick a unit from the list.',
    chosen: (unit: string) => `Thanks! You are registered with ${unit}.`,
  },
  pickTopic: {
    title: 'What is your question about?',
    submit: 'Send',
    required: 'Pick a topic.',
  },
  sendToHelp: {
    title: 'Send to Qm+ Help',
    body: 'Edit the text if you like, pick a topic and send. The inquiry is registered in your name, and you get its status in your chat with Qm+ Help.',
    required: 'Write what you want to ask.',
    topicPlaceholder: 'Pick a topic',
    link: (url: string) => `Link to the message: ${url}`,
    submit: 'Send',
    sent: (number: string) =>
      `Sent to Qm+ Help as ${number}. You get its status in your chat with Qm+ Help.`,
    empty: 'The question is empty. Write what you want to ask, and send again.',
    unknownTopic: 'Pick a topic from the list, and send again.',
    unknownUnit: 'Pick your unit from the list, and send again.',
  },
  knowledge: {
    suggestionsTitle: 'Does this answer your question?',
    suggestionsBody:
      "I found answers to similar questions. If one of them solves it, you're done. If not, send your question to the superuser as you wrote it.",
    yourQuestion: 'Your question',
    solvedIt: 'This solved it',
    sendOn: 'Send to superuser',
    readMore: 'Read more',
    solvedThanks:
      "Glad that solved it! The question is closed without being sent on. Write again whenever you're wondering about something.",
    alreadySent: (number: string) => `This question has already been sent on as ${number}.`,
    alreadySolved: 'This question was already solved by an answer from the knowledge base.',
    entryGone:
      'That answer is no longer in the knowledge base. Pick another, or send the question to the superuser.',
    publish: 'Publish as an answer in the knowledge base',
    publishTitle: 'New knowledge-base answer',
    publishBody:
      "Write the question and the answer so they suit everyone. The asker's name has been removed; check that no other personal details remain.",
    question: 'Question',
    answer: 'Answer',
    keywords: 'Keywords (separated by commas)',
    questionRequired: 'Write the question.',
    answerRequired: 'Write the answer.',
    publishSubmit: 'Publish',
    published: (question: string) =>
      `Published in the knowledge base: "${question}". The next person asking the same gets it suggested.`,
    publishNotAllowed:
      "Only the inquiry's superusers, coordinators and system responsibles can publish its answer.",
    alreadyPublished: "This inquiry's answer is already published in the knowledge base.",
    editTitle: 'Edit a knowledge-base answer',
    listNote:
      'Answers are suggested to askers before an inquiry is sent. Edit or retire an answer here.',
    fromFile: 'from file',
    fromInquiry: (number: string) => `from ${number}`,
    publishNotAnswered: 'Only an answered inquiry can be published in the knowledge base.',
    listTitle: (count: number) => `Knowledge base: ${count} ${count === 1 ? 'answer' : 'answers'}`,
    listEmpty: 'The knowledge base is empty. Publish an answer from an answered inquiry.',
    listMore: (shown: number, count: number) => `Showing ${shown} of ${count}.`,
    listNotAllowed:
      'The knowledge base can be changed by superusers, coordinators and system responsibles.',
    statusActive: 'In use',
    statusRetired: 'Retired',
    edit: 'Edit',
    save: 'Save',
    retire: 'Retire',
    restore: 'Use again',
    saved: (question: string) => `Saved: "${question}".`,
    retiredDone: (question: string) => `"${question}" is retired and no longer suggested.`,
    restored: (question: string) => `"${question}" is in use again.`,
    changedMeanwhile:
      'Someone else changed that answer in the meantime. Write "knowledge base" and try again.',
    similarTitle: 'Similar resolved inquiries',
    useAnswer: 'Use this answer',
  },
  ask: {
    received: (number: string) => `Your inquiry is registered as ${number}.`,
    tooLong: (max: number) =>
      `The question is too long. Please shorten it (at most ${max} characters).`,
    alreadyOpened: (number: string) => `This question is already registered as ${number}.`,
    expired: 'I can no longer find that question. Please write it again.',
  },
  card: {
    number: 'Inquiry',
    unit: 'Unit',
    topic: 'Topic',
    asker: 'Asker',
    level: 'Level',
    holder: 'Handled by',
    waitingFor: (names: string, level: string) => `${names} (${level.toLowerCase()})`,
    nobody: 'Nobody yet',
    sent: 'Sent',
    status: 'Status',
    question: 'Question',
    lastStep: 'Last step',
    showAll: 'Show all',
    handlers: 'Who takes it',
    answer: 'Answer',
    answeredBy: (name: string) => `Answer from ${name}`,
    newInquiry: 'New inquiry',
    mentionLine: (names: string) => `${names}: a new inquiry for you.`,
    respondBy: (level: string, when: string) => `${level} · reply by ${when}`,
    answerPrompt: 'Did this answer solve it?',
    answeredAt: 'Answered',
    chain: 'Escalation',
    questionFrom: (name: string) => `Question from ${name}`,
    yourQuestion: 'What you asked',
  },
  actions: {
    claim: "I'll take it",
    answer: 'Answer',
    answerPlaceholder: 'Write the answer to the asker',
    answerRequired: 'Write an answer.',
    sendAnswer: 'Send answer',
    handOver: 'Hand over',
    handOverTo: 'Hand over to',
    handOverRequired: 'Pick who should take it.',
    confirmHandOver: 'Hand over',
    resolve: 'Resolved',
    resolved: 'Resolved',
    notResolved: 'Not resolved',
    notResolvedComment: 'What is missing? (optional)',
    sendNotResolved: 'Send',
    escalateTo: (level: string) => `Send to ${level.toLowerCase()}`,
    escalateNote: 'Note for the next level (optional)',
    toVendor: 'Send straight to the vendor',
    confirmEscalate: 'Send on',
    askAsker: 'Ask the asker',
    askAskerLabel:
      'What do you need to know? The asker replies in chat; the deadline stands still meanwhile.',
    askAskerRequired: 'Write a question.',
    sendQuestion: 'Send question',
    emailVendor: 'Email the vendor',
  },
  outcomes: {
    claimed: (number: string) => `You have taken ${number}.`,
    answered: (number: string) => `The answer to ${number} has been sent to the asker.`,
    handedOver: (number: string, name: string) => `${number} has been handed over to ${name}.`,
    resolved: (number: string) => `${number} is marked resolved.`,
    thanks: 'Thank you! The inquiry is marked resolved.',
    reopened: 'Thank you. The inquiry is open again and the handler has been told.',
    escalated: (number: string, level: string) =>
      `${number} has been sent on to the ${level.toLowerCase()}.`,
    askedAsker: (number: string) =>
      `Your question about ${number} has been sent to the asker. The deadline stands still until they reply.`,
    askerReplied: (number: string, name: string) =>
      `Thank you! Your reply about ${number} has been sent to ${name}.`,
  },
  refusals: {
    notAllowed: (unit: string) =>
      `You cannot handle this inquiry. Only superusers of ${unit}, the coordinator and the system responsible can.`,
    notAsker: 'Only the person who submitted the inquiry can reply to this.',
    alreadyClaimed: (name: string) => `${name} has already taken it.`,
    alreadyYours: 'You already have this inquiry.',
    heldByOther: (name: string) => `${name} is handling it. Ask ${name} to hand it over to you.`,
    closed: (status: string) => `The inquiry cannot be changed now (status: ${status}).`,
    notAnswered: 'The inquiry has not been answered yet.',
    unknownRecipient: 'Pick another superuser of the unit.',
    emptyAnswer: 'Write an answer before sending.',
    tooLong: (max: number) => `The text is too long (at most ${max} characters).`,
    unknownInquiry: 'Inquiry not found.',
    invalidAction: 'This action is invalid or out of date. Reload the card.',
    unknownPerson:
      'I do not know who you are in the organisation. Contact the Qm+ Help administrator.',
    busy: 'Several people changed the inquiry at once. Please try again.',
    endOfChain: 'The inquiry is already with the vendor and cannot be sent further.',
    vendorNotAllowed:
      'Only a coordinator or the system responsible can send it straight to the vendor.',
  },
  notices: {
    handedOver: (number: string, by: string) => `${by} handed ${number} over to you.`,
    reopened: (number: string) => `The asker replied "Not resolved" to ${number}.`,
    comment: 'Comment',
    reply: 'Reply from the asker',
    askerReplied: (number: string) => `The asker has replied to your question about ${number}.`,
    claimLapsed: (number: string, level: string) =>
      `${number} was not answered by its deadline and has been sent on to the ${level.toLowerCase()}.`,
    vendorCase: (number: string, vendor: string) =>
      `${number} is recorded as a vendor case with ${vendor}. Send the email to the vendor with the button below.`,
    vendorReminder: (number: string, vendor: string) =>
      `Reminder: ${number} is still waiting for ${vendor}. Consider chasing the vendor.`,
    stalled: (number: string, vendor: string) =>
      `${number} has stalled: ${vendor} has not answered after repeated reminders. It will not close by itself.`,
    escalated: (number: string, unit: string, level: string) =>
      `${number} from ${unit} has been sent on to you as ${level.toLowerCase()}.`,
  },
  pings: {
    deadline: (names: string, number: string, unit: string, waited: string) =>
      `${names}: ${number} from ${unit} has had no answer in ${waited}. Can you take it?`,
    claimTimeout: (names: string, number: string, unit: string, holder: string) =>
      `${names}: ${number} from ${unit} was taken by ${holder} but not answered by its deadline. Can you take it?`,
    manual: (names: string, number: string, unit: string, by: string) =>
      `${names}: ${by} has sent ${number} from ${unit} on to you. Can you take it?`,
    reminder: (names: string, number: string, when: string) =>
      `${names}: reminder – ${number} needs an answer by ${when}.`,
    note: 'Note',
  },
  askerNotices: {
    escalated: (number: string, level: string, workArea: string) =>
      `${number}: Your inquiry has been sent on to the ${level.toLowerCase()} for ${workArea}.`,
    vendor: (number: string, vendor: string) =>
      `${number}: Your inquiry has been sent on to the vendor (${vendor}). You will hear from me here when something happens.`,
    stalled: (number: string) =>
      `${number}: Your inquiry is still waiting for the vendor. The coordinator is following it up.`,
    question: (name: string, number: string) => `${name} has a question about ${number}:`,
    replyHint: 'Reply here in the chat and your answer goes straight to the handler.',
  },
  vendorEmail: {
    greeting: 'Hello,',
    intro: 'We need help with an inquiry in Qm+.',
    closing: 'Kind regards',
  },
  businessDuration: durationIn({
    weeks: ['working week', 'working weeks'],
    days: ['working day', 'working days'],
    hours: ['working hour', 'working hours'],
    minutes: ['minute', 'minutes'],
    seconds: ['second', 'seconds'],
    and: 'and',
  }),
  duration: durationIn({
    weeks: ['week', 'weeks'],
    days: ['day', 'days'],
    hours: ['hour', 'hours'],
    minutes: ['minute', 'minutes'],
    seconds: ['second', 'seconds'],
    and: 'and',
  }),
  errors: {
    generic:
      'Something went wrong in Qm+ Help. Nothing you sent is lost; please try again shortly.',
    channelOnly: 'Write to me in a 1:1 chat to ask a question.',
    storeUnavailable:
      'Qm+ Help cannot reach its storage right now, so this message may not have been recorded. Everything you sent before is safe. Please try again in a few minutes.',
  },
  teamsSetup: {
    channelUnreachable: (channel: string, workArea: string) =>
      `Qm+ Hjelp cannot post in the channel "${channel}" for ${workArea}: the app has not been added to the team, the channel is private, or its id in the organisation file is wrong. New inquiries are therefore sent in 1:1 chat to the people who handle them. Add the app to the team, or correct the channel in the organisation file.`,
  },
  dateTime: dateTimeIn('en-GB'),
};
