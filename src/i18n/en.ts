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
    told: 'Told',
    /** The triage channel could not be used (or there is none): the level's people got it in chat. */
    toldInChat: (names: string) => `${names}, in 1:1 chat`,
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
    noted: 'added an internal note',
    vendor_updated: 'updated the vendor case',
    moved: 'moved the inquiry',
    withdrawn: 'The asker withdrew the inquiry',
    info_added: 'The asker added information',
    rated: 'The asker rated the help',
    registered: 'Registered by the helpdesk',
    asker_reminded: 'The asker was reminded of the question',
    returned_to_handler: 'Back with the handler: the asker did not reply',
    stalled_reminded: 'The coordinator was reminded of the stalled inquiry',
    undeliverable_reported: 'A notification that did not arrive was reported to the coordinator',
  },
  help: {
    title: 'Qm+ Hjelp',
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
  commands: {
    heading: 'You can write:',
    descriptions: {
      help: 'What Qm+ Hjelp can do, and who is the superuser for your unit',
      my_inquiries: 'Your inquiries: status, add information, withdraw or reopen',
      who_to_ask: 'Who to ask: the superusers for your unit and who is responsible beyond them',
      queue: 'The inquiries waiting for you or the channel, with filters and "I\'ll take it"',
      board:
        "The work area's board: open inquiries by level and status, the oldest and this week's breaches",
      report:
        'A report on what you are responsible for: inquiries, response times, breaches and ratings, with CSV',
      away: 'Say you are away, and who stands in for you meanwhile',
      knowledge_base: 'The answers in the knowledge base: view, edit and retire them',
      register:
        'For the helpdesk: register an inquiry for an employee who phoned, emailed or came by',
      search: 'Search inquiries by words, for example “search deviation school trip”',
      setup: 'For admins: who and which channels Teams cannot reach',
      privacy: 'For admins: export or erase what is stored about a person',
      organisation: 'For admins and system responsibles: units, people and roles, and change them',
      audit: 'For admins and system responsibles: who changed the organisation, and when',
      use_channel: 'Written in a channel: makes it the triage channel of your work area',
    },
    numberHint: 'An inquiry number, such as QM-2026-0042, shows that inquiry.',
    thanks: "You're welcome! Write here if you wonder about anything else.",
    greeting: (name: string) =>
      `Hello${name ? `, ${name}` : ''}! Write your question about Qm+ here, or "help" to see what I can do.`,
    suggestion: (phrase: string) =>
      `Did you mean "${phrase}"? Write that, or write your question as a full sentence and I will pass it on.`,
    numberSuggestion: (example: string) =>
      `Did you mean an inquiry number? Write it like this: ${example}.`,
    notVisible: (number: string) =>
      `You cannot see ${number}. Only the person who sent it and those handling it can see it.`,
  },
  myInquiries: {
    title: 'My inquiries',
    empty: 'You have no open or recent inquiries. Write your question here and I will pass it on.',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    previous: 'Previous page',
    next: 'Next page',
    holder: 'With',
    age: 'Sent',
    answer: 'Answer',
    closingNote: 'Closing note',
    showAnswer: 'Show the answer',
    addInfo: 'Add information',
    addInfoLabel:
      'What would you like to add? You can send files and screenshots here in the chat right after.',
    addInfoRequired: 'Write what you would like to add.',
    sendInfo: 'Add',
    withdraw: 'Withdraw',
    withdrawReason: 'Why? (optional)',
    confirmWithdraw: 'Withdraw the inquiry',
    reopen: 'Reopen',
    reopenComment: 'What is missing? (optional)',
    confirmReopen: 'Reopen the inquiry',
  },
  askerOutcomes: {
    withdrawn: (number: string) => `${number} is withdrawn. The handlers have been told.`,
    reopened: (number: string) => `${number} is open again. The handler has been told.`,
    infoAdded: (number: string) => `Added to ${number}. The handler has been told.`,
    filesAdded: (number: string, names: string) =>
      `Added to ${number}: ${names}. The handler has been told.`,
    filesWithoutInquiry:
      'I do not know which inquiry the file belongs to. Open "my inquiries", press "Add information" on the inquiry and send the file again; or write your question with the file to open a new inquiry.',
    rated: 'Thank you for the rating!',
  },
  attachments: {
    heading: 'Attachments from the asker',
    size: (kb: number) => `${kb} kB`,
    open: 'Open',
  },
  closing: {
    noteLabel: 'The inquiry has not been answered. Write a short note on how it was resolved.',
    noteRequired: 'Write a note.',
    confirm: 'Mark as resolved',
    ratePrompt: 'How was the help?',
    ratings: { good: 'Good', ok: 'OK', poor: 'Poor' },
    rateComment: 'Comment (optional)',
    rating: "The asker's rating",
    notResolvedHeading: 'The asker replied "Not resolved"',
  },
  pickUnit: {
    title: 'Which unit do you belong to?',
    body: 'I did not find you in the staff list. Pick your unit and I will remember it next time.',
    placeholder: 'Search for a school, clinic or section',
    submit: 'Choose',
    required: 'Pick a unit from the list.',
    chosen: (unit: string) => `Thanks! You are registered with ${unit}.`,
  },
  whoToAsk: {
    title: 'Who can help you with Qm+?',
    yourUnit: (unit: string, workArea: string) => `You belong to ${unit} (${workArea}).`,
    unknownUnit:
      'I do not know your unit yet. Ask a question and I will ask you which unit you belong to.',
    superusers: (unit: string) => `Superusers for ${unit}`,
    coordinators: (workArea: string) => `Coordinators for ${workArea}`,
    systemResponsible: 'System responsible per topic',
    contactPoints: 'Contact points',
    vacant: 'Vacant',
    phone: 'Phone',
    email: 'Email',
    askHere: 'Write your question here in the chat and it goes to the right person.',
  },
  away: {
    label: 'Away',
    day: (isoDate: string) =>
      new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T12:00:00Z`),
      ),
    line: (name: string, until: string, deputy: string | undefined) =>
      deputy
        ? `${name} is away until ${until}; deputy ${deputy}`
        : `${name} is away until ${until}; no deputy`,
    title: 'Away, with a deputy',
    body: 'While you are away, new inquiries, reminders and escalations go to your deputy. The day after, you are back by yourself.',
    until: 'Away until and including',
    untilRequired: 'Pick the last day you are away.',
    deputy: 'Deputy',
    deputyPlaceholder: 'Search for someone with the same role',
    deputyRequired: 'Pick a deputy.',
    submit: 'Save',
    back: 'I am back',
    current: (line: string) => `Now: ${line}.`,
    saved: (line: string) => `Saved: ${line}.`,
    ended: 'Welcome back! Inquiries come to you again.',
    notAway: 'You are not registered as away.',
    notHandler:
      'Only superusers, coordinators and system responsibles can register as away with a deputy.',
    noDeputies: 'Nobody else has your role to be your deputy.',
    badDate: 'Pick a day from today and up to a year ahead.',
    badDeputy: 'The deputy must have the same role as you.',
  },
  routing: {
    skippedLabel: 'Skipped',
    skipped: {
      vacant: (level: string) => `${level}: vacant`,
      away: (level: string) => `${level}: everyone is away`,
      own_role: (level: string) => `${level}: the asker holds the role`,
    },
  },
  pickTopic: {
    title: 'What is your question about?',
    submit: 'Send',
    required: 'Pick a topic.',
  },
  queue: {
    title: 'My queue',
    titleFor: (workArea: string) => `Queue for ${workArea}`,
    total: (count: number) => (count === 1 ? '1 open inquiry' : `${count} open inquiries`),
    groups: {
      unclaimed: 'Not taken',
      mine: 'Mine',
      waiting: 'Waiting for the asker',
      vendor: 'At the vendor',
      stalled: 'Stalled',
      others: 'With others',
    },
    empty: 'No open inquiries here.',
    age: (duration: string) => `Waited ${duration}`,
    justNow: 'Waited less than a minute',
    deadline: (when: string) => `due ${when}`,
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    truncated: (max: number) =>
      `Showing the ${max} oldest inquiries. Use the filter to see the rest.`,
    filterLine: (parts: string) => `Filter: ${parts}`,
    all: 'All',
    open: 'Open',
    previous: 'Previous',
    next: 'Next',
    filter: 'Filter',
    group: 'What needs action',
    show: 'Show',
    refresh: 'Refresh',
    notHandler:
      "The queue is for superusers, coordinators and system responsibles. You can write your question here in the chat: it goes to your unit's superuser, and you follow it on the status card you get.",
    notTriageChannel:
      'This channel is not the triage channel of a work area. Write "queue" to me in a 1:1 chat to see your queue.',
  },
  board: {
    title: (workAreas: string) => `Board for ${workAreas}`,
    asOf: (when: string) => `As of ${when}`,
    openHeading: (count: number) => (count === 1 ? '1 open inquiry' : `${count} open inquiries`),
    byLevel: 'By level',
    byStatus: 'By status',
    oldestHeading: 'Oldest unanswered',
    oldestLine: (number: string, age: string) => `${number} · ${age}`,
    noneUnanswered: 'No open inquiry is waiting for an answer.',
    breachesHeading: 'Response time breaches this week',
    breaches: (count: number, since: string) =>
      `${count === 1 ? '1 breach' : `${count} breaches`} since ${since}`,
    show: 'Show',
    open: 'Open',
    refresh: 'Refresh',
    truncated: (max: number) => `The board counts the ${max} oldest inquiries.`,
    listTitle: (figure: string) => `Inquiries behind: ${figure}`,
    listEmpty: 'No inquiries behind this figure now.',
    back: 'Back to the board',
    notAllowed: "This work area's board is for its coordinators and for admins.",
    forHandlers:
      'The board is for coordinators and admins. Write "queue" to see the inquiries waiting for you.',
    forEmployees:
      'The board is for coordinators and admins. You can write your question here in the chat: it goes to your unit\'s superuser, and "my inquiries" shows your inquiries.',
    notTriageChannel:
      'This channel is not the triage channel of a work area. Write "board" to me in a 1:1 chat.',
  },
  reports: {
    title: (scope: string) => `Report for ${scope}`,
    organisation: 'the whole organisation',
    scopeNames: {
      work_areas: (names: string) => names,
      units: (names: string) => names,
      topics: (names: string) => `topic ${names}`,
    },
    periods: {
      this_month: 'This month',
      last_month: 'Last month',
      half_year: 'This half-year',
      custom: 'Own period',
    },
    periodLine: (label: string, from: string, to: string) => `${label}: ${from} – ${to}`,
    asOf: (when: string) => `As of ${when}. Times are counted in working hours.`,
    truncated: (max: number) =>
      `The report counts the ${max} inquiries changed last in the period.`,
    summaryHeading: 'Overview',
    opened: 'Opened',
    resolved: 'Resolved',
    openNow: 'Open now',
    firstResponse: 'Time to first response',
    resolution: 'Time to resolution',
    spread: (median: string, p90: string, count: number) =>
      `median ${median}, 90% within ${p90} (${count} ${count === 1 ? 'inquiry' : 'inquiries'})`,
    noSpread: 'none yet',
    hours: (ms: number) =>
      `${(ms / 3_600_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} h`,
    breaches: 'Deadline breaches',
    vendorCases: 'Sent to the vendor',
    selfServed: 'Solved by a knowledge-base answer',
    escalationsHeading: 'Sent on to level',
    byTopicHeading: 'Opened by topic',
    byUnitHeading: 'Opened by unit',
    ratingsHeading: "Askers' ratings",
    ratings: { good: 'Good', ok: 'OK', poor: 'Poor' },
    noRatings: 'No ratings in the period.',
    tableHeading: 'By unit',
    unit: 'Unit',
    others: (count: number) => `${count} other units`,
    count: 'Count',
    choose: 'Choose a report',
    scopeLabel: 'Covers',
    periodLabel: 'Period',
    fromLabel: 'From',
    toLabel: 'To (inclusive)',
    show: 'Show report',
    download: 'Download CSV',
    downloadNote: (until: string) => `The CSV link works until ${until}.`,
    downloadUnavailable:
      'CSV download is not set up here (SIGNING_SECRET and BOT_DOMAIN, see the README).',
    periodProblems: {
      invalid_date: 'Choose both a start and an end date.',
      reversed: 'The end date must be the start date or later.',
      future: 'The period cannot begin in the future.',
      too_long: 'An own period can be at most one year.',
    },
    forEmployees:
      'Reports are for superusers, coordinators, system responsibles and admins. You can write your question here in the chat and it goes to the superuser of your unit; «my inquiries» shows your inquiries.',
    notAllowed: (scope: string) =>
      `You cannot see the report for ${scope}. You can see reports for what you are responsible for; write «report» to choose.`,
    pack: {
      summary: 'Half-yearly report for the resource group',
      send: 'Send the half-yearly report to the resource group',
      title: (period: string) => `Half-yearly report for the resource group · ${period}`,
      intro: "The whole organisation. Made for the resource group's review of how the help works.",
      topTopicsHeading: 'The topics that came up most often',
      topTopic: (topic: string, opened: number, reopened: number) =>
        `${topic}: ${opened} opened${reopened > 0 ? `, ${reopened} reopened` : ''}`,
      stalledHeading: 'Stalled inquiries',
      breachedHeading: 'Inquiries with deadline breaches',
      commentsHeading: 'Comments from the ratings',
      inquiryLine: (number: string, unit: string, topic: string) =>
        `${number} · ${unit} · ${topic}`,
      more: (count: number) => `… and ${count} more.`,
      none: 'None.',
      queued: (channel: string) =>
        `The half-yearly report is being sent to «${channel}». It shows the figures as they are when it is sent.`,
      noChannel:
        "The organisation file does not name the resource group's channel (resourceGroup.channel), so the half-yearly report cannot be sent.",
      onlyAdmins: 'Only admins can send the half-yearly report to the resource group.',
    },
    csv: {
      number: 'Inquiry',
      opened: 'Opened',
      workArea: 'Work area',
      unit: 'Unit',
      topic: 'Topic',
      status: 'Status',
      level: 'Level',
      firstResponseHours: 'Hours to first response (working time)',
      resolutionHours: 'Hours to resolution (working time)',
      escalations: 'Sent on',
      breaches: 'Deadline breaches',
      vendorCase: 'Vendor case',
      rating: 'Rating',
      yes: 'yes',
      no: 'no',
    },
  },
  history: {
    title: 'History',
    open: 'History',
    back: 'Back to the inquiry',
    shortened: (shown: number, total: number) => `Showing the last ${shown} of ${total} events.`,
    internal: 'Internal note',
    moved: (from: string, to: string) => `Moved from ${from} to ${to}`,
  },
  tools: {
    history: 'History',
    note: 'Internal note',
    noteLabel: 'A note only handlers see (what you tried, what the vendor said)',
    noteRequired: 'Write a note.',
    saveNote: 'Save note',
    vendor: 'Vendor case',
    vendorCaseNumber: "Vendor's case number",
    vendorReply: "The vendor's reply",
    vendorReplyFrom: (vendor: string) => `Reply from ${vendor}`,
    saveVendor: 'Save',
    move: 'Move',
    moveUnit: 'Unit',
    moveUnitRequired: 'Pick a unit.',
    moveTopic: 'Topic',
    moveTopicRequired: 'Pick a topic.',
    moveReason: 'Why is the inquiry moved?',
    moveReasonRequired: 'Write why the inquiry is moved.',
    confirmMove: 'Move the inquiry',
    internalHeading: 'Internal (handlers only)',
    noted: (number: string) => `The note is saved on ${number}.`,
    moved: (number: string, unit: string) => `${number} has been moved to ${unit}.`,
  },
  sendToHelp: {
    title: 'Send to Qm+ Hjelp',
    actionDescription: 'Send the message as a question to Qm+ Hjelp',
    body: 'Edit the text if you like, pick a topic and send. The inquiry is registered in your name, and you get its status in your chat with Qm+ Hjelp.',
    required: 'Write what you want to ask.',
    topicPlaceholder: 'Pick a topic',
    link: (url: string) => `Link to the message: ${url}`,
    submit: 'Send',
    sent: (number: string) =>
      `Sent to Qm+ Hjelp as ${number}. You get its status in your chat with Qm+ Hjelp.`,
    empty: 'The question is empty. Write what you want to ask, and send again.',
    unknownTopic: 'Pick a topic from the list, and send again.',
    unknownUnit: 'Pick your unit from the list, and send again.',
  },
  intake: {
    title: 'Register an inquiry for an employee',
    body: 'For inquiries that came by phone, email or in person. It goes to the superuser of the employee’s unit as if the employee had asked, and the employee gets the status card in Teams.',
    employee: 'Employee',
    employeePlaceholder: 'Type a name or email',
    employeeRequired: 'Pick the employee.',
    topic: 'Topic',
    topicPlaceholder: 'Pick a topic',
    topicRequired: 'Pick a topic.',
    question: 'What does the employee want to know?',
    questionRequired: 'Write the question.',
    channel: 'Came in by',
    channels: { phone: 'phone', email: 'email', in_person: 'in person', other: 'other' },
    submit: 'Register',
    registered: (number: string, name: string) =>
      `Registered as ${number} for ${name}. ${name} gets the status card in Teams and can follow it in “my inquiries”.`,
    already: (number: string) => `This inquiry is already registered as ${number}.`,
    notHelpdesk:
      'Registering inquiries for others is for the helpdesk. You can write your own question here in the chat, and it goes to the superuser of your unit.',
    unknownEmployee:
      'The employee is not in the organisation. Look the employee up in the list and register again.',
    empty: 'The question is empty. Write what the employee wants to know, and register again.',
    statusLabel: 'Registered by',
    event: (channel: string) => `registered the inquiry (${channel})`,
  },
  search: {
    title: (query: string) => `Search: ${query}`,
    count: (count: number) => (count === 1 ? '1 inquiry' : `${count} inquiries`),
    empty: (query: string) => `No inquiries you can see match “${query}”.`,
    usage:
      'Write “search” and a few words, for example “search deviation school trip”. I look in the number, question, answer and notes of the inquiries you can see, newest first.',
    notHandler:
      'Searching inquiries is for superusers, coordinators, system responsibles and the helpdesk. “my inquiries” shows yours, and you can write your question here in the chat.',
    open: 'Open',
    previous: 'Previous',
    next: 'Next',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    truncated: (max: number) => `Showing the ${max} newest matches. Add words to narrow it down.`,
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
    alreadyResolved: 'The inquiry is already resolved.',
    unknownRecipient: 'Pick another superuser of the unit.',
    emptyAnswer: 'Write an answer before sending.',
    tooLong: (max: number) => `The text is too long (at most ${max} characters).`,
    unknownInquiry: 'Inquiry not found.',
    invalidAction: 'This action is invalid or out of date. Reload the card.',
    unknownPerson:
      'I do not know who you are in the organisation. Contact the Qm+ Hjelp administrator.',
    busy: 'Several people changed the inquiry at once. Please try again.',
    endOfChain: 'The inquiry is already with the vendor and cannot be sent further.',
    vendorNotAllowed:
      'Only a coordinator or the system responsible can send it straight to the vendor.',
    noVendorCase: 'The inquiry has not been sent to the vendor, so it has no vendor case.',
    samePlace: 'The inquiry already belongs to that unit and topic. Pick another unit or topic.',
    noteRequired: 'The inquiry has not been answered. Write a short note on how it was resolved.',
    reopenExpired:
      'It was resolved too long ago to be reopened. Write your question again to open a new inquiry.',
    alreadyRated: 'You have rated the help already. Thank you!',
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
    withdrawn: (number: string) => `The asker has withdrawn ${number}.`,
    infoAdded: (number: string) => `The asker has added information to ${number}.`,
    reason: 'Reason',
    added: 'Added',
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
    moved: (number: string, unit: string, topic: string) =>
      `${number}: Your inquiry has been moved to ${unit} (${topic}) and sent to those who handle such inquiries there.`,
  },
  followUps: {
    askerReminder: (name: string, number: string) =>
      `Reminder: ${name} is still waiting for your reply about ${number}:`,
    returned: (number: string, name: string) =>
      `${number}: We did not hear back from you, so the inquiry is back with ${name}. You can still add information.`,
    askerSilent: (number: string) =>
      `${number}: The asker has not replied to your question. The inquiry is back with you.`,
    stalledReminder: (number: string, vendor: string) =>
      `${number} is still stalled at ${vendor}. Can someone follow it up?`,
    undeliverable: (number: string, workArea: string) =>
      `A notification about ${number} (${workArea}) did not reach anyone in Teams, nor those meant to take over. Check that the app is installed for the people in the chain.`,
    unfinishedReminder:
      'Your question has not been sent yet: choose on the card above where it belongs, or it will be dropped.',
    unfinishedDropped: (excerpt: string) =>
      `Your question “${excerpt}” was not sent because nobody chose where it belongs. Feel free to ask again.`,
  },
  vendorEmail: {
    greeting: 'Hello,',
    intro: 'We need help with an inquiry in Qm+.',
    closing: 'Kind regards',
  },
  vendorContact: {
    heading: (vendor: string) => `Write to ${vendor}`,
    address: 'Address',
    subject: 'Subject',
    hint: 'If the email button does not open, copy the address and subject above into a new email.',
  },
  privacy: {
    notAdmin: 'Only admins can export or erase what is stored about a person.',
    usage:
      'Write "export person kari@fjordvik.no" to get everything stored about a person as a JSON file, or "erase person kari@fjordvik.no" to erase it. For someone the organisation does not list, write their Entra object id instead of the email address.',
    retention: (period: string) =>
      `Finished inquiries keep their text and names for ${period}; after that only the figures remain.`,
    noRetention:
      'No retention period is set in the organisation file (retainFinishedFor): finished inquiries keep their text and names.',
    exportReady: (email: string, link: string, minutes: number) =>
      `The export for ${email} is ready: [download JSON](${link}). The link works for ${minutes} minutes; do not share it.`,
    eraseTitle: 'Erase a person',
    eraseFacts: {
      person: 'Person',
      asked: 'Inquiries asked',
      handled: 'Inquiries handled or notified about',
      drafts: 'Questions never sent',
      profile: 'Profile',
      absence: 'Absence',
    },
    yes: 'yes',
    no: 'no',
    eraseWhat:
      'Inquiries the person asked keep their figures (times, status, level, unit, topic), but their text, answers and every name are removed. In inquiries the person handled, their name and email address are removed. Profile, absence and unsent questions are deleted. This cannot be undone.',
    organisationNote:
      'The person is still in the organisation. Remove them from the organisation file separately.',
    confirm: 'Erase',
    erased: (email: string, asked: number, handled: number) =>
      `${email} is erased: ${asked} inquiries asked anonymised, the name removed from ${handled} others.`,
    notChanged: (count: number) =>
      `${count} inquiries changed at the same moment and are not erased yet. Write "erase person …" again.`,
    stale:
      'This confirmation has expired or is not valid. Write "erase person …" again for a new one.',
  },
  cardSize: {
    shortened: 'shortened here because the card was too large for Teams',
  },
  teamsSetupCard: {
    title: 'Setup in Teams',
    allWell:
      'Everyone in the chain can be reached in 1:1 chat, and every triage channel can be used.',
    peopleHeading: 'Cannot be reached in 1:1 chat',
    unreachable: {
      no_triage_team: 'No triage channel is set up, so no team can give their Teams id.',
      not_in_team: 'Not a member of any triage team the app has been added to.',
    },
    reachableIf: {
      personal_install: 'Reachable once the app is installed for them (a Teams setup policy).',
      writes_first: 'Reachable once they write to Qm+ Hjelp for the first time.',
    },
    channelsHeading: 'Triage channels that cannot be posted to',
    channel: (channel: string, workArea: string) => `“${channel}” for ${workArea}:`,
    channelProblems: {
      bot_not_in_team: 'The app has not been added to the team.',
      channels_refused: "Teams would not list the team's channels.",
      channel_not_in_team: 'The channel is not in the team (a wrong id, or a private channel).',
    },
    guide:
      'Until this is fixed, the people who handle inquiries get them in 1:1 chat. See docs/teams.md for what Teams needs.',
    notReady:
      'Qm+ Hjelp has not reached Teams yet, so the setup cannot be checked now. Try again shortly.',
    notAdmin:
      'Only administrators of Qm+ Hjelp can see the setup. You can ask a question about Qm+ by writing it here, or write “help” to see what I can do.',
  },
  organisation: {
    title: (name: string) => `The organisation: ${name}`,
    summary: (version: number, units: number, people: number, areas: number, topics: number) =>
      `Version ${version} · ${units} units · ${people} people · ${areas} work areas · ${topics} topics`,
    workAreasHeading: 'Work areas',
    workAreaLine: (coordinators: string, channel: string) =>
      `Coordinators: ${coordinators} · Triage channel: ${channel}`,
    noChannel: 'none',
    topicsHeading: 'Topics',
    topicLine: (holders: string) => `System responsible: ${holders}`,
    helpdesk: (holders: string) => `Helpdesk: ${holders}`,
    admins: (holders: string) => `Admins: ${holders}`,
    morePlaces: (count: number) => `… and ${count} more: search to find them`,
    nobody: 'nobody',
    unitsHeading: (page: number, pages: number, count: number) =>
      `Units (page ${page} of ${pages}, ${count} in all)`,
    unitsFiltered: (filter: string, count: number) => `Units matching "${filter}" (${count})`,
    unitLine: (workArea: string, superusers: string) => `${workArea} · Superusers: ${superusers}`,
    filterPlaceholder: 'Search for a unit or a person',
    search: 'Search',
    previous: 'Previous page',
    next: 'Next page',
    editHeading: 'Change a role',
    rolePlaceLabel: 'Role and place',
    emailLabel: "The person's email address",
    emailPlaceholder: 'name@county.no',
    add: 'Add',
    remove: 'Remove',
    roleNames: {
      superuser: 'Superuser',
      coordinator: 'Coordinator',
      system_responsible: 'System responsible',
      helpdesk: 'Helpdesk',
    },
    rolePlace: (role: string, place: string) => `${role} – ${place}`,
    deputyHeading: 'Set a deputy for someone who is away',
    deputyPerson: 'Who is away (email)',
    deputyUntil: 'Away until and including',
    deputyWho: 'Deputy (email)',
    deputySave: 'Set deputy',
    importHint:
      'Send an organisation file (.json) here in the chat to see what it changes before it is applied.',
    changed: {
      role_added: (role: string, name: string, place: string) =>
        `${name} is now ${role.toLowerCase()} for ${place}.`,
      role_removed: (role: string, name: string, place: string) =>
        `${name} is no longer ${role.toLowerCase()} for ${place}.`,
      deputy: (name: string, until: string, deputy: string) =>
        `${name} is away until and including ${until}; ${deputy} stands in.`,
    },
    refusals: {
      notAllowed:
        'Only admins and system responsibles can view and change the organisation. You can ask a question about Qm+ by writing it here, write "contact" to see who to ask, or "help" to see what I can do.',
      unknown_place: 'That place is no longer in the organisation. Here it is as it is now.',
      unknown_person: (email: string) =>
        `${email} is not in the organisation. Add the person to the organisation file first.`,
      already_holds: (email: string) => `${email} holds that role there already.`,
      not_holder: (email: string) => `${email} does not hold that role there (any more).`,
      unchanged: 'It is so already; nothing was changed.',
      busy: 'The organisation was being changed by someone else just now. Try again.',
      invalid: (errors: string) => `The change would make the organisation invalid:\n${errors}`,
      badDeputy:
        'The deputy must hold one of the same roles as the person away, and the date cannot be past.',
      notHandler: (email: string) => `${email} holds no role in the help chain.`,
    },
    channel: {
      set: (workArea: string) =>
        `This channel is now the triage channel for ${workArea}. New inquiries from there come here.`,
      already: (workArea: string) => `This channel is the triage channel for ${workArea} already.`,
      pickTitle: 'Use this channel as the triage channel for',
      pick: 'Use the channel',
      notAllowed:
        'Only admins and the coordinator of the work area can choose its triage channel. Write "queue" or "board" here to see the inquiries.',
      notChannel: 'Write "use this channel" in the channel that is to be the triage channel.',
    },
    import: {
      title: (file: string) => `Preview of ${file}`,
      comparedWith: (version: string) =>
        `Compared with the organisation stored now (version ${version}). Nothing has changed yet.`,
      noStored: 'none',
      added: (count: number) => `Added (${count})`,
      removed: (count: number) => `Removed (${count})`,
      changed: (count: number) => `Changed (${count})`,
      more: (count: number) => `… and ${count} more`,
      nothing: 'The file says the same as the organisation stored now.',
      kinds: {
        unit: 'Unit',
        workArea: 'Work area',
        topic: 'Topic',
        person: 'Person',
        setting: 'Setting',
      },
      apply: 'Apply the file',
      applied: (version: number) =>
        `The organisation file is applied (version ${version}). The change takes effect at once.`,
      changedMeanwhile:
        'The organisation has changed since the preview, so the file was not applied. This is what it changes now:',
      unknownImport:
        'That preview does not exist (any more). Send the file again to see what it changes.',
      invalid: (file: string, count: number, errors: string) =>
        `${file} is not a valid organisation file (${count} ${count === 1 ? 'error' : 'errors'}). Nothing was changed:\n${errors}`,
      downloadFailed: (file: string) => `I could not fetch ${file}. Try sending it again.`,
      notAllowedHost: (file: string) =>
        `${file} is somewhere I do not fetch files from. Send it as an attachment here in the chat.`,
      tooLarge: (file: string) => `${file} is too large to be an organisation file.`,
    },
  },
  audit: {
    title: 'Audit log',
    filters: 'Changes to the organisation and admin actions, newest first.',
    actionLabel: 'Action',
    allActions: 'All actions',
    personLabel: 'Who (email)',
    fromLabel: 'From',
    toLabel: 'Until and including',
    show: 'Show',
    next: 'Older events',
    empty: 'No events match.',
    actions: {
      'organisation.imported': 'Organisation file applied',
      'organisation.role_added': 'Role added',
      'organisation.role_removed': 'Role removed',
      'organisation.triage_channel_set': 'Triage channel set',
      'organisation.deputy_set': 'Deputy set',
      'admin.report_pack_posted': 'Half-yearly pack posted',
      'admin.privacy_exported': 'Personal data exported',
      'admin.privacy_erased': 'Personal data erased',
    },
    line: (at: string, actor: string, action: string) => `${at} · ${actor} · ${action}`,
    change: (before: string, after: string) => `Before: ${before} → After: ${after}`,
    notAllowed:
      'Only admins and system responsibles can see the audit log. You can ask a question about Qm+ by writing it here, or write "help" to see what I can do.',
    badFilter: 'The filter could not be read. Dates are written yyyy-mm-dd.',
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
      'Something went wrong in Qm+ Hjelp. Nothing you sent is lost; please try again shortly.',
    channelOnly: 'Write to me in a 1:1 chat to ask a question.',
    storeUnavailable:
      'Qm+ Hjelp cannot reach its storage right now, so this message may not have been recorded. Everything you sent before is safe. Please try again in a few minutes.',
  },
  teamsSetup: {
    channelUnreachable: (channel: string, workArea: string) =>
      `Qm+ Hjelp cannot post in the channel "${channel}" for ${workArea}: the app has not been added to the team, the channel is private, or its id in the organisation file is wrong. New inquiries are therefore sent in 1:1 chat to the people who handle them. Add the app to the team, or correct the channel in the organisation file.`,
  },
  dateTime: dateTimeIn('en-GB'),
};
