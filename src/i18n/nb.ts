import { dateTimeIn, durationIn } from './format';

/** Norwegian bokmål: the default language of every user-facing text. */
export const nb = {
  levels: {
    superuser: 'Superbruker',
    coordinator: 'Koordinator',
    system_responsible: 'Systemansvarlig',
    vendor: 'Leverandør',
  },
  statuses: {
    new: 'Ny',
    claimed: 'Under behandling',
    answered: 'Besvart',
    resolved: 'Løst',
    waiting_for_asker: 'Venter på innsender',
    withdrawn: 'Trukket tilbake',
    stalled: 'Stanset',
  },
  /** One line saying where an inquiry stands, as the asker reads it. */
  askerStatus: {
    waitingSuperuser: 'Venter på superbruker',
    sentOn: (levelName: string, workArea: string) =>
      `Sendt videre til ${levelName.toLowerCase()} for ${workArea}`,
    handling: (name: string) => `${name} ser på saken`,
    answered: (name: string) => `Besvart av ${name}`,
    resolved: 'Løst',
    withdrawn: 'Trukket tilbake',
    waitingForYou: 'Venter på svar fra deg',
    stalled: 'Stanset hos leverandør',
  },
  events: {
    opened: 'Sendt inn',
    routed: 'Sendt til',
    claimed: 'tok saken',
    answered: 'svarte',
    handed_over: 'ga saken videre til',
    resolved: 'markerte saken som løst',
    confirmed_resolved: 'Innsender bekreftet at saken er løst',
    reopened: 'Innsender svarte «Ikke løst»',
    escalated: 'Sendt videre til',
    reminded: 'Påminnelse sendt',
    vendor_case: 'Leverandørsak registrert',
    vendor_reminded: 'Påminnelse om leverandørsaken sendt',
    stalled: 'Stanset: leverandøren har ikke svart',
    asked_asker: 'spurte innsender',
    asker_replied: 'Innsender svarte på spørsmålet',
    notified: 'Varslet',
    delivery_failed: 'Kunne ikke varsle',
  },
  help: {
    title: 'Qm+ Hjelp',
    intro:
      'Skriv spørsmålet ditt om Qm+ her i chatten, så sender jeg det til superbrukeren for enheten din. Du får svar her.',
    examples:
      'Eksempler: «Hvordan melder jeg et avvik?» eller «Jeg finner ikke prosedyren for brannvern i e-håndboken.»',
    yourSuperusers: (unit: string) => `Superbrukere for ${unit}:`,
    noSuperusers: (unit: string) =>
      `${unit} har ingen superbruker nå; spørsmål går til koordinator.`,
    privacy:
      'Ikke skriv sensitive personopplysninger (helse, navn på elever eller pasienter) i chatten.',
  },
  pickUnit: {
    title: 'Hvilken enhet hører du til?',
    body: 'Jeg fant deg ikke i oversikten over ansatte. Velg enheten din, så husker jeg det til neste gang.',
    placeholder: 'Søk etter skole, klinikk eller seksjon',
    submit: 'Velg',
    required: 'Velg en enhet fra listen.',
    chosen: (unit: string) => `Takk! Du er registrert på ${unit}.`,
  },
  pickTopic: {
    title: 'Hva gjelder spørsmålet?',
    submit: 'Send inn',
    required: 'Velg et tema.',
  },
  sendToHelp: {
    title: 'Send til Qm+ Hjelp',
    body: 'Rediger teksten om du vil, velg tema og send. Henvendelsen blir registrert på deg, og du får status i chatten med Qm+ Hjelp.',
    required: 'Skriv hva du lurer på.',
    topicPlaceholder: 'Velg tema',
    link: (url: string) => `Lenke til meldingen: ${url}`,
    submit: 'Send',
    sent: (number: string) =>
      `Sendt til Qm+ Hjelp som ${number}. Du får status i chatten med Qm+ Hjelp.`,
    empty: 'Spørsmålet er tomt. Skriv hva du lurer på, og send igjen.',
    unknownTopic: 'Velg et tema fra listen, og send igjen.',
    unknownUnit: 'Velg enheten din fra listen, og send igjen.',
  },
  knowledge: {
    suggestionsTitle: 'Kanskje dette svarer på spørsmålet ditt?',
    suggestionsBody:
      'Jeg fant svar på lignende spørsmål. Løser et av dem saken, er du ferdig. Hvis ikke, sender du spørsmålet til superbrukeren slik du skrev det.',
    yourQuestion: 'Spørsmålet ditt',
    solvedIt: 'Dette løste det',
    sendOn: 'Send til superbruker',
    readMore: 'Les mer',
    solvedThanks:
      'Fint at det løste seg! Spørsmålet er avsluttet uten å bli sendt videre. Skriv gjerne igjen om du lurer på noe mer.',
    alreadySent: (number: string) => `Spørsmålet er allerede sendt videre som ${number}.`,
    alreadySolved: 'Dette spørsmålet er allerede løst med et svar fra kunnskapsbasen.',
    entryGone:
      'Det svaret finnes ikke lenger i kunnskapsbasen. Velg et annet, eller send spørsmålet til superbrukeren.',
    publish: 'Publiser som svar i kunnskapsbasen',
    publishTitle: 'Nytt svar i kunnskapsbasen',
    publishBody:
      'Skriv spørsmålet og svaret slik at de passer for alle. Innsenderens navn er tatt bort; sjekk at ingen andre personopplysninger står igjen.',
    question: 'Spørsmål',
    answer: 'Svar',
    keywords: 'Stikkord (skilt med komma)',
    questionRequired: 'Skriv spørsmålet.',
    answerRequired: 'Skriv svaret.',
    publishSubmit: 'Publiser',
    published: (question: string) =>
      `Publisert i kunnskapsbasen: «${question}». Neste som spør om det samme, får svaret foreslått.`,
    publishNotAllowed:
      'Bare superbrukere, koordinatorer og systemansvarlige for henvendelsen kan publisere svaret.',
    alreadyPublished: 'Svaret på denne henvendelsen er allerede publisert i kunnskapsbasen.',
    editTitle: 'Endre svar i kunnskapsbasen',
    listNote:
      'Svarene foreslås til innsendere før en henvendelse sendes. Endre eller trekk tilbake et svar her.',
    fromFile: 'fra fil',
    fromInquiry: (number: string) => `fra ${number}`,
    publishNotAnswered: 'Bare en besvart henvendelse kan publiseres i kunnskapsbasen.',
    listTitle: (count: number) => `Kunnskapsbasen: ${count} ${count === 1 ? 'svar' : 'svar'}`,
    listEmpty: 'Kunnskapsbasen er tom. Publiser et svar fra en besvart henvendelse.',
    listMore: (shown: number, count: number) => `Viser ${shown} av ${count}.`,
    listNotAllowed: 'Kunnskapsbasen kan endres av superbrukere, koordinatorer og systemansvarlige.',
    statusActive: 'I bruk',
    statusRetired: 'Trukket tilbake',
    edit: 'Endre',
    save: 'Lagre',
    retire: 'Trekk tilbake',
    restore: 'Ta i bruk igjen',
    saved: (question: string) => `Lagret: «${question}».`,
    retiredDone: (question: string) =>
      `«${question}» er trukket tilbake og blir ikke foreslått lenger.`,
    restored: (question: string) => `«${question}» er i bruk igjen.`,
    changedMeanwhile:
      'Svaret ble endret av noen andre i mellomtiden. Skriv «kunnskapsbase» og prøv igjen.',
    similarTitle: 'Lignende løste henvendelser',
    useAnswer: 'Bruk dette svaret',
  },
  ask: {
    received: (number: string) => `Henvendelsen er registrert som ${number}.`,
    tooLong: (max: number) => `Spørsmålet er for langt. Skriv det kortere (høyst ${max} tegn).`,
    alreadyOpened: (number: string) => `Dette spørsmålet er allerede registrert som ${number}.`,
    expired: 'Jeg finner ikke spørsmålet lenger. Skriv det gjerne på nytt.',
  },
  card: {
    number: 'Sak',
    unit: 'Enhet',
    topic: 'Tema',
    asker: 'Innsender',
    level: 'Nivå',
    holder: 'Behandles av',
    waitingFor: (names: string, level: string) => `${names} (${level.toLowerCase()})`,
    nobody: 'Ingen ennå',
    sent: 'Sendt',
    status: 'Status',
    question: 'Spørsmål',
    lastStep: 'Siste steg',
    showAll: 'Vis hele',
    handlers: 'Hvem tar den',
    answer: 'Svar',
    answeredBy: (name: string) => `Svar fra ${name}`,
    newInquiry: 'Ny henvendelse',
    mentionLine: (names: string) => `${names}: ny henvendelse til dere.`,
    respondBy: (level: string, when: string) => `${level} · svar innen ${when}`,
    answerPrompt: 'Løste svaret saken din?',
    answeredAt: 'Besvart',
    chain: 'Eskalering',
    questionFrom: (name: string) => `Spørsmål fra ${name}`,
    yourQuestion: 'Det du spurte om',
  },
  actions: {
    claim: 'Jeg tar den',
    answer: 'Svar',
    answerPlaceholder: 'Skriv svaret til innsender',
    answerRequired: 'Skriv et svar.',
    sendAnswer: 'Send svar',
    handOver: 'Gi videre',
    handOverTo: 'Gi videre til',
    handOverRequired: 'Velg hvem som skal ta saken.',
    confirmHandOver: 'Gi videre',
    resolve: 'Løst',
    resolved: 'Løst',
    notResolved: 'Ikke løst',
    notResolvedComment: 'Hva mangler? (valgfritt)',
    sendNotResolved: 'Send',
    escalateTo: (level: string) => `Send til ${level.toLowerCase()}`,
    escalateNote: 'Notat til neste nivå (valgfritt)',
    toVendor: 'Send rett til leverandøren',
    confirmEscalate: 'Send videre',
    askAsker: 'Spør innsender',
    askAskerLabel: 'Hva lurer du på? Innsender svarer i chatten, og fristen står stille så lenge.',
    askAskerRequired: 'Skriv et spørsmål.',
    sendQuestion: 'Send spørsmål',
    emailVendor: 'E-post til leverandør',
  },
  outcomes: {
    claimed: (number: string) => `Du har tatt ${number}.`,
    answered: (number: string) => `Svaret på ${number} er sendt til innsender.`,
    handedOver: (number: string, name: string) => `${number} er gitt videre til ${name}.`,
    resolved: (number: string) => `${number} er markert som løst.`,
    thanks: 'Takk! Saken er markert som løst.',
    reopened: 'Takk. Saken er åpnet igjen, og behandleren har fått beskjed.',
    escalated: (number: string, level: string) =>
      `${number} er sendt videre til ${level.toLowerCase()}.`,
    askedAsker: (number: string) =>
      `Spørsmålet om ${number} er sendt til innsender. Fristen står stille til svaret kommer.`,
    askerReplied: (number: string, name: string) =>
      `Takk! Svaret ditt på ${number} er sendt til ${name}.`,
  },
  refusals: {
    notAllowed: (unit: string) =>
      `Du kan ikke behandle denne saken. Bare superbrukere for ${unit}, koordinator og systemansvarlig kan det.`,
    notAsker: 'Bare den som sendte inn saken kan svare på dette.',
    alreadyClaimed: (name: string) => `${name} har allerede tatt saken.`,
    alreadyYours: 'Du har allerede denne saken.',
    heldByOther: (name: string) => `${name} behandler saken. Be ${name} gi den videre til deg.`,
    closed: (status: string) => `Saken kan ikke endres nå (status: ${status}).`,
    notAnswered: 'Saken er ikke besvart ennå.',
    unknownRecipient: 'Velg en annen superbruker for enheten.',
    emptyAnswer: 'Skriv et svar før du sender.',
    tooLong: (max: number) => `Teksten er for lang (høyst ${max} tegn).`,
    unknownInquiry: 'Fant ikke saken.',
    invalidAction: 'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
    unknownPerson: 'Jeg vet ikke hvem du er i organisasjonen. Kontakt administrator for Qm+ Hjelp.',
    busy: 'Mange endret saken samtidig. Prøv igjen.',
    endOfChain: 'Saken er allerede hos leverandøren og kan ikke sendes lenger.',
    vendorNotAllowed:
      'Bare koordinator eller systemansvarlig kan sende saken rett til leverandøren.',
  },
  notices: {
    handedOver: (number: string, by: string) => `${by} har gitt ${number} videre til deg.`,
    reopened: (number: string) => `Innsender svarte «Ikke løst» på ${number}.`,
    comment: 'Kommentar',
    reply: 'Svar fra innsender',
    askerReplied: (number: string) => `Innsender har svart på spørsmålet ditt om ${number}.`,
    claimLapsed: (number: string, level: string) =>
      `${number} ble ikke besvart innen fristen og er sendt videre til ${level.toLowerCase()}.`,
    vendorCase: (number: string, vendor: string) =>
      `${number} er registrert som leverandørsak hos ${vendor}. Send e-posten til leverandøren med knappen under.`,
    vendorReminder: (number: string, vendor: string) =>
      `Påminnelse: ${number} venter fortsatt på svar fra ${vendor}. Purr gjerne leverandøren.`,
    stalled: (number: string, vendor: string) =>
      `${number} er stanset: ${vendor} har ikke svart etter gjentatte påminnelser. Saken lukkes ikke av seg selv.`,
    escalated: (number: string, unit: string, level: string) =>
      `${number} fra ${unit} er sendt videre til deg som ${level.toLowerCase()}.`,
  },
  /** Replies in the inquiry's thread that mention the people who must act. */
  pings: {
    deadline: (names: string, number: string, unit: string, waited: string) =>
      `${names}: ${number} fra ${unit} har ikke fått svar på ${waited}. Kan du ta den?`,
    claimTimeout: (names: string, number: string, unit: string, holder: string) =>
      `${names}: ${number} fra ${unit} ble tatt av ${holder}, men er ikke besvart innen fristen. Kan du ta den?`,
    manual: (names: string, number: string, unit: string, by: string) =>
      `${names}: ${by} har sendt ${number} fra ${unit} videre til dere. Kan du ta den?`,
    reminder: (names: string, number: string, when: string) =>
      `${names}: påminnelse – ${number} må besvares innen ${when}.`,
    note: 'Notat',
  },
  /** Plain messages to the asker about where the inquiry has gone. */
  askerNotices: {
    escalated: (number: string, level: string, workArea: string) =>
      `${number}: Saken er sendt videre til ${level.toLowerCase()} for ${workArea}.`,
    vendor: (number: string, vendor: string) =>
      `${number}: Saken er sendt videre til leverandøren (${vendor}). Du får beskjed her når det skjer noe.`,
    stalled: (number: string) =>
      `${number}: Saken venter fortsatt på leverandøren. Koordinator følger den opp.`,
    question: (name: string, number: string) => `${name} har et spørsmål om ${number}:`,
    replyHint: 'Svar her i chatten, så går svaret rett til behandleren.',
  },
  vendorEmail: {
    greeting: 'Hei,',
    intro: 'Vi trenger hjelp med en sak i Qm+.',
    closing: 'Med vennlig hilsen',
  },
  /** "4 arbeidstimer" in a working calendar, "4 timer" round the clock. */
  businessDuration: durationIn({
    weeks: ['arbeidsuke', 'arbeidsuker'],
    days: ['arbeidsdag', 'arbeidsdager'],
    hours: ['arbeidstime', 'arbeidstimer'],
    minutes: ['minutt', 'minutter'],
    seconds: ['sekund', 'sekunder'],
    and: 'og',
  }),
  duration: durationIn({
    weeks: ['uke', 'uker'],
    days: ['døgn', 'døgn'],
    hours: ['time', 'timer'],
    minutes: ['minutt', 'minutter'],
    seconds: ['sekund', 'sekunder'],
    and: 'og',
  }),
  errors: {
    generic: 'Noe gikk galt hos Qm+ Hjelp. Ingenting du har sendt er tapt; prøv igjen om litt.',
    channelOnly: 'Skriv til meg i en 1:1-chat for å stille et spørsmål.',
    storeUnavailable:
      'Qm+ Hjelp får ikke kontakt med lagringen sin akkurat nå, så det er usikkert om denne meldingen kom med. Det du har sendt tidligere, er trygt. Prøv igjen om noen minutter.',
  },
  /** Messages to coordinators and admins about the bot's own setup in Teams. */
  teamsSetup: {
    channelUnreachable: (channel: string, workArea: string) =>
      `Qm+ Hjelp får ikke skrevet i kanalen «${channel}» for ${workArea}: appen er ikke lagt til i teamet, kanalen er privat, eller kanal-ID-en i organisasjonsfila er feil. Nye henvendelser sendes derfor i 1:1-chat til dem som skal behandle dem. Legg appen til i teamet, eller rett kanalen i organisasjonsfila.`,
  },
  dateTime: dateTimeIn('nb-NO'),
};

export type Messages = typeof nb;
