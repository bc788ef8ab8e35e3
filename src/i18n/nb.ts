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
    told: 'Varslet',
    /** The triage channel could not be used (or there is none): the level's people got it in chat. */
    toldInChat: (names: string) => `${names}, i 1:1-chat`,
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
    noted: 'la til et internt notat',
    vendor_updated: 'oppdaterte leverandørsaken',
    moved: 'flyttet saken',
    withdrawn: 'Innsender trakk saken tilbake',
    info_added: 'Innsender la til informasjon',
    rated: 'Innsender vurderte hjelpen',
    registered: 'Registrert av brukerhjelpen',
    asker_reminded: 'Innsender minnet på spørsmålet',
    returned_to_handler: 'Tilbake hos behandler: innsender svarte ikke',
    stalled_reminded: 'Koordinator minnet på den stansede saken',
    undeliverable_reported: 'Varsel som ikke kom fram, meldt til koordinator',
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
  /** Chat commands: words a person writes that are never a question for the help chain. */
  commands: {
    heading: 'Dette kan du skrive:',
    descriptions: {
      help: 'Hva Qm+ Hjelp kan gjøre, og hvem som er superbruker for enheten din',
      my_inquiries: 'Sakene dine: status, legg til informasjon, trekk tilbake eller åpne igjen',
      who_to_ask: 'Hvem du kan spørre: superbrukerne for enheten din og de som har ansvar videre',
      queue: 'Sakene som venter på deg eller kanalen, med filter og «Jeg tar den»',
      board:
        'Tavla for arbeidsområdet: åpne saker per nivå og status, de eldste og ukens fristbrudd',
      report:
        'Rapport for det du har ansvar for: saker, svartider, fristbrudd og vurderinger, med CSV',
      away: 'Si fra at du er borte, og hvem som er stedfortreder imens',
      knowledge_base: 'Svarene i kunnskapsbasen: se, rett og fjern dem',
      register:
        'For brukerhjelpen: registrer en henvendelse for en ansatt som ringte, sendte e-post eller kom innom',
      search: 'Søk etter saker med ord, for eksempel «søk avvik elevtur»',
      setup: 'For administratorer: hvem og hvilke kanaler Teams ikke når',
      privacy: 'For administratorer: eksporter eller slett det som er lagret om en person',
      organisation:
        'For administratorer og systemansvarlige: enheter, personer og roller, og endre dem',
      audit: 'For administratorer og systemansvarlige: hvem endret organisasjonen, og når',
      use_channel: 'Skrevet i en kanal: gjør den til triagekanal for arbeidsområdet ditt',
    },
    numberHint: 'Et saksnummer, som QM-2026-0042, viser den saken.',
    thanks: 'Bare hyggelig! Skriv her om du lurer på noe mer.',
    greeting: (name: string) =>
      `Hei${name ? `, ${name}` : ''}! Skriv spørsmålet ditt om Qm+ her, eller «hjelp» for å se hva jeg kan.`,
    suggestion: (phrase: string) =>
      `Mente du «${phrase}»? Skriv det, eller skriv spørsmålet ditt som en hel setning, så sender jeg det videre.`,
    numberSuggestion: (example: string) => `Mente du et saksnummer? Skriv det slik: ${example}.`,
    notVisible: (number: string) =>
      `Du kan ikke se ${number}. Bare den som sendte inn saken og de som behandler den, kan se den.`,
  },
  /** "Mine saker": the asker's own inquiries, and what they can do with each. */
  myInquiries: {
    title: 'Mine saker',
    empty:
      'Du har ingen åpne eller nylige saker. Skriv spørsmålet ditt her, så sender jeg det videre.',
    page: (page: number, pages: number) => `Side ${page} av ${pages}`,
    previous: 'Forrige side',
    next: 'Neste side',
    holder: 'Hos',
    age: 'Sendt',
    answer: 'Svar',
    closingNote: 'Merknad ved avslutning',
    showAnswer: 'Vis svaret',
    addInfo: 'Legg til informasjon',
    addInfoLabel:
      'Hva vil du legge til? Filer og skjermbilder kan du sende her i chatten rett etterpå.',
    addInfoRequired: 'Skriv hva du vil legge til.',
    sendInfo: 'Legg til',
    withdraw: 'Trekk tilbake',
    withdrawReason: 'Hvorfor? (valgfritt)',
    confirmWithdraw: 'Trekk tilbake saken',
    reopen: 'Åpne igjen',
    reopenComment: 'Hva mangler? (valgfritt)',
    confirmReopen: 'Åpne saken igjen',
  },
  /** What the asker is told after acting on their own inquiry. */
  askerOutcomes: {
    withdrawn: (number: string) => `${number} er trukket tilbake. Behandlerne har fått beskjed.`,
    reopened: (number: string) => `${number} er åpnet igjen. Behandleren har fått beskjed.`,
    infoAdded: (number: string) => `Lagt til i ${number}. Behandleren har fått beskjed.`,
    filesAdded: (number: string, names: string) =>
      `Lagt til i ${number}: ${names}. Behandleren har fått beskjed.`,
    filesWithoutInquiry:
      'Jeg vet ikke hvilken sak filen hører til. Åpne «mine saker», trykk «Legg til informasjon» på saken, og send filen igjen; eller skriv spørsmålet ditt med filen, så blir det en ny sak.',
    rated: 'Takk for vurderingen!',
  },
  /** Files and images on an inquiry, as handlers see them. */
  attachments: {
    heading: 'Vedlegg fra innsender',
    size: (kb: number) => `${kb} kB`,
    open: 'Åpne',
  },
  /** Closing an unanswered inquiry, and the asker's rating of the help. */
  closing: {
    noteLabel: 'Saken er ikke besvart. Skriv en kort merknad om hvordan den ble løst.',
    noteRequired: 'Skriv en merknad.',
    confirm: 'Marker som løst',
    ratePrompt: 'Hvordan var hjelpen?',
    ratings: { good: 'Bra', ok: 'Greit', poor: 'Dårlig' },
    rateComment: 'Kommentar (valgfritt)',
    rating: 'Vurdering fra innsender',
    notResolvedHeading: 'Innsender svarte «Ikke løst»',
  },
  pickUnit: {
    title: 'Hvilken enhet hører du til?',
    body: 'Jeg fant deg ikke i oversikten over ansatte. Velg enheten din, så husker jeg det til neste gang.',
    placeholder: 'Søk etter skole, klinikk eller seksjon',
    submit: 'Velg',
    required: 'Velg en enhet fra listen.',
    chosen: (unit: string) => `Takk! Du er registrert på ${unit}.`,
  },
  whoToAsk: {
    title: 'Hvem kan hjelpe deg med Qm+?',
    yourUnit: (unit: string, workArea: string) => `Du hører til ${unit} (${workArea}).`,
    unknownUnit:
      'Jeg vet ikke hvilken enhet du hører til ennå. Still et spørsmål, så spør jeg deg om enheten.',
    superusers: (unit: string) => `Superbrukere for ${unit}`,
    coordinators: (workArea: string) => `Koordinatorer for ${workArea}`,
    systemResponsible: 'Systemansvarlig per tema',
    contactPoints: 'Kontaktpunkter',
    vacant: 'Ledig',
    phone: 'Telefon',
    email: 'E-post',
    askHere: 'Skriv spørsmålet ditt her i chatten, så går det til riktig person.',
  },
  away: {
    label: 'Borte',
    /** "12. desember": the last day away, as people write it. */
    day: (isoDate: string) =>
      new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T12:00:00Z`),
      ),
    line: (name: string, until: string, deputy: string | undefined) =>
      deputy
        ? `${name} er borte til ${until}; stedfortreder ${deputy}`
        : `${name} er borte til ${until}; ingen stedfortreder`,
    title: 'Borte, med stedfortreder',
    body: 'Mens du er borte, går nye henvendelser, påminnelser og eskaleringer til stedfortrederen din. Dagen etter er du tilbake av deg selv.',
    until: 'Borte til og med',
    untilRequired: 'Velg den siste dagen du er borte.',
    deputy: 'Stedfortreder',
    deputyPlaceholder: 'Søk etter en med samme rolle',
    deputyRequired: 'Velg en stedfortreder.',
    submit: 'Lagre',
    back: 'Jeg er tilbake',
    current: (line: string) => `Nå: ${line}.`,
    saved: (line: string) => `Lagret: ${line}.`,
    ended: 'Velkommen tilbake! Henvendelser går til deg igjen.',
    notAway: 'Du er ikke registrert som borte.',
    notHandler:
      'Bare superbrukere, koordinatorer og systemansvarlige kan melde seg borte med stedfortreder.',
    noDeputies: 'Det er ingen andre med samme rolle som kan være stedfortreder for deg.',
    badDate: 'Velg en dag fra i dag og inntil ett år fram.',
    badDeputy: 'Stedfortrederen må ha samme rolle som deg.',
  },
  routing: {
    skippedLabel: 'Hoppet over',
    skipped: {
      vacant: (level: string) => `${level}: ledig`,
      away: (level: string) => `${level}: alle er borte`,
      own_role: (level: string) => `${level}: innsender har rollen selv`,
    },
  },
  pickTopic: {
    title: 'Hva gjelder spørsmålet?',
    submit: 'Send inn',
    required: 'Velg et tema.',
  },
  queue: {
    title: 'Min kø',
    titleFor: (workArea: string) => `Kø for ${workArea}`,
    total: (count: number) => (count === 1 ? '1 åpen sak' : `${count} åpne saker`),
    groups: {
      unclaimed: 'Ikke tatt',
      mine: 'Mine',
      waiting: 'Venter på innsender',
      vendor: 'Hos leverandøren',
      stalled: 'Stanset',
      others: 'Hos andre',
    },
    empty: 'Ingen åpne saker her.',
    age: (duration: string) => `Ventet ${duration}`,
    justNow: 'Ventet under ett minutt',
    deadline: (when: string) => `frist ${when}`,
    page: (page: number, pages: number) => `Side ${page} av ${pages}`,
    truncated: (max: number) => `Viser de ${max} eldste sakene. Bruk filteret for å se resten.`,
    filterLine: (parts: string) => `Filter: ${parts}`,
    all: 'Alle',
    open: 'Åpne',
    previous: 'Forrige',
    next: 'Neste',
    filter: 'Filter',
    group: 'Hva trenger handling',
    show: 'Vis',
    refresh: 'Oppdater',
    notHandler:
      'Køen er for superbrukere, koordinatorer og systemansvarlige. Du kan skrive spørsmålet ditt her i chatten, så går det til superbrukeren for enheten din, og du følger saken på statuskortet du får.',
    notTriageChannel:
      'Denne kanalen er ikke triagekanalen til et arbeidsområde. Skriv «kø» til meg i 1:1-chat for å se køen din.',
  },
  board: {
    title: (workAreas: string) => `Tavle for ${workAreas}`,
    asOf: (when: string) => `Per ${when}`,
    openHeading: (count: number) => (count === 1 ? '1 åpen sak' : `${count} åpne saker`),
    byLevel: 'Etter nivå',
    byStatus: 'Etter status',
    oldestHeading: 'Eldste ubesvarte',
    oldestLine: (number: string, age: string) => `${number} · ${age}`,
    noneUnanswered: 'Ingen åpne saker venter på svar.',
    breachesHeading: 'Brudd på svarfristen denne uka',
    breaches: (count: number, since: string) =>
      `${count === 1 ? '1 brudd' : `${count} brudd`} siden ${since}`,
    show: 'Vis',
    open: 'Åpne',
    refresh: 'Oppdater',
    truncated: (max: number) => `Tavla teller de ${max} eldste sakene.`,
    listTitle: (figure: string) => `Saker bak tallet: ${figure}`,
    listEmpty: 'Ingen saker bak dette tallet nå.',
    back: 'Tilbake til tavla',
    notAllowed: 'Tavla for dette arbeidsområdet er for koordinatorene der og for administratorer.',
    forHandlers:
      'Tavla er for koordinatorer og administratorer. Skriv «kø» for å se sakene som venter på deg.',
    forEmployees:
      'Tavla er for koordinatorer og administratorer. Du kan skrive spørsmålet ditt her i chatten, så går det til superbrukeren for enheten din, og «mine saker» viser sakene dine.',
    notTriageChannel:
      'Denne kanalen er ikke triagekanalen til et arbeidsområde. Skriv «tavle» til meg i 1:1-chat.',
  },
  /** «rapport»: figures for a scope and a period, a CSV download, the resource group's pack. */
  reports: {
    title: (scope: string) => `Rapport for ${scope}`,
    organisation: 'hele organisasjonen',
    scopeNames: {
      work_areas: (names: string) => names,
      units: (names: string) => names,
      topics: (names: string) => `tema ${names}`,
    },
    periods: {
      this_month: 'Denne måneden',
      last_month: 'Forrige måned',
      half_year: 'Dette halvåret',
      custom: 'Egen periode',
    },
    periodLine: (label: string, from: string, to: string) => `${label}: ${from} – ${to}`,
    asOf: (when: string) => `Per ${when}. Tider er regnet i arbeidstid.`,
    truncated: (max: number) => `Rapporten teller de ${max} sist endrede sakene i perioden.`,
    summaryHeading: 'Oversikt',
    opened: 'Åpnet',
    resolved: 'Løst',
    openNow: 'Åpne nå',
    firstResponse: 'Tid til første svar',
    resolution: 'Tid til løsning',
    spread: (median: string, p90: string, count: number) =>
      `median ${median}, 90 % innen ${p90} (${count} ${count === 1 ? 'sak' : 'saker'})`,
    noSpread: 'ingen ennå',
    hours: (ms: number) =>
      `${(ms / 3_600_000).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} t`,
    breaches: 'Fristbrudd',
    vendorCases: 'Sendt til leverandør',
    selfServed: 'Løst med svar fra kunnskapsbasen',
    escalationsHeading: 'Sendt videre til nivå',
    byTopicHeading: 'Åpnet per tema',
    byUnitHeading: 'Åpnet per enhet',
    ratingsHeading: 'Vurderinger fra innsendere',
    ratings: { good: 'Bra', ok: 'Greit', poor: 'Dårlig' },
    noRatings: 'Ingen vurderinger i perioden.',
    tableHeading: 'Per enhet',
    unit: 'Enhet',
    others: (count: number) => `${count} andre enheter`,
    count: 'Antall',
    choose: 'Velg rapport',
    scopeLabel: 'Gjelder',
    periodLabel: 'Periode',
    fromLabel: 'Fra og med',
    toLabel: 'Til og med',
    show: 'Vis rapport',
    download: 'Last ned CSV',
    downloadNote: (until: string) => `Lenken til CSV-fila virker til ${until}.`,
    downloadUnavailable:
      'CSV-nedlasting er ikke satt opp her (SIGNING_SECRET og BOT_DOMAIN, se README).',
    periodProblems: {
      invalid_date: 'Velg både fra- og til-dato.',
      reversed: 'Til-datoen må være samme dag som fra-datoen eller senere.',
      future: 'Perioden kan ikke begynne i framtiden.',
      too_long: 'En egen periode kan være høyst ett år.',
    },
    forEmployees:
      'Rapporter er for superbrukere, koordinatorer, systemansvarlige og administratorer. Du kan skrive spørsmålet ditt her i chatten, så går det til superbrukeren for enheten din, og «mine saker» viser sakene dine.',
    notAllowed: (scope: string) =>
      `Du kan ikke se rapporten for ${scope}. Du kan se rapporter for det du selv har ansvar for; skriv «rapport» for å velge.`,
    pack: {
      summary: 'Halvårsrapport for ressursgruppen',
      send: 'Send halvårsrapporten til ressursgruppen',
      title: (period: string) => `Halvårsrapport for ressursgruppen · ${period}`,
      intro:
        'Hele organisasjonen. Laget til ressursgruppens gjennomgang av hvordan brukerstøtten virker.',
      topTopicsHeading: 'Temaene som kom oftest',
      topTopic: (topic: string, opened: number, reopened: number) =>
        `${topic}: ${opened} åpnet${reopened > 0 ? `, ${reopened} åpnet igjen` : ''}`,
      stalledHeading: 'Stansede saker',
      breachedHeading: 'Saker med fristbrudd',
      commentsHeading: 'Kommentarer fra vurderingene',
      inquiryLine: (number: string, unit: string, topic: string) =>
        `${number} · ${unit} · ${topic}`,
      more: (count: number) => `… og ${count} til.`,
      none: 'Ingen.',
      queued: (channel: string) =>
        `Halvårsrapporten sendes til «${channel}». Den viser tallene slik de er når den sendes.`,
      noChannel:
        'Organisasjonsfila sier ikke hvilken kanal ressursgruppen har (resourceGroup.channel), så halvårsrapporten kan ikke sendes.',
      onlyAdmins: 'Bare administratorer kan sende halvårsrapporten til ressursgruppen.',
    },
    csv: {
      number: 'Saksnummer',
      opened: 'Åpnet',
      workArea: 'Arbeidsområde',
      unit: 'Enhet',
      topic: 'Tema',
      status: 'Status',
      level: 'Nivå',
      firstResponseHours: 'Timer til første svar (arbeidstid)',
      resolutionHours: 'Timer til løsning (arbeidstid)',
      escalations: 'Sendt videre',
      breaches: 'Fristbrudd',
      vendorCase: 'Leverandørsak',
      rating: 'Vurdering',
      yes: 'ja',
      no: 'nei',
    },
  },
  history: {
    title: 'Historikk',
    open: 'Historikk',
    back: 'Tilbake til saken',
    shortened: (shown: number, total: number) => `Viser de siste ${shown} av ${total} hendelser.`,
    internal: 'Internt notat',
    moved: (from: string, to: string) => `Flyttet fra ${from} til ${to}`,
  },
  tools: {
    history: 'Historikk',
    note: 'Internt notat',
    noteLabel: 'Notat som bare behandlere ser (hva du prøvde, hva leverandøren sa)',
    noteRequired: 'Skriv et notat.',
    saveNote: 'Lagre notat',
    vendor: 'Leverandørsak',
    vendorCaseNumber: 'Leverandørens saksnummer',
    vendorReply: 'Svar fra leverandøren',
    vendorReplyFrom: (vendor: string) => `Svar fra ${vendor}`,
    saveVendor: 'Lagre',
    move: 'Flytt',
    moveUnit: 'Enhet',
    moveUnitRequired: 'Velg en enhet.',
    moveTopic: 'Tema',
    moveTopicRequired: 'Velg et tema.',
    moveReason: 'Hvorfor flyttes saken?',
    moveReasonRequired: 'Skriv hvorfor saken flyttes.',
    confirmMove: 'Flytt saken',
    internalHeading: 'Internt (bare behandlere)',
    noted: (number: string) => `Notatet er lagret på ${number}.`,
    moved: (number: string, unit: string) => `${number} er flyttet til ${unit}.`,
  },
  sendToHelp: {
    title: 'Send til Qm+ Hjelp',
    actionDescription: 'Send meldingen som et spørsmål til Qm+ Hjelp',
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
  /** The helpdesk registers an inquiry for an employee who phoned, emailed or came by. */
  intake: {
    title: 'Registrer en henvendelse for en ansatt',
    body: 'For henvendelser som kom på telefon, e-post eller ved oppmøte. Saken går til superbrukeren for den ansattes enhet som om den ansatte hadde spurt selv, og den ansatte får statuskortet i Teams.',
    employee: 'Ansatt',
    employeePlaceholder: 'Skriv navn eller e-post',
    employeeRequired: 'Velg den ansatte.',
    topic: 'Tema',
    topicPlaceholder: 'Velg tema',
    topicRequired: 'Velg et tema.',
    question: 'Hva lurer den ansatte på?',
    questionRequired: 'Skriv spørsmålet.',
    channel: 'Kom inn via',
    channels: { phone: 'telefon', email: 'e-post', in_person: 'oppmøte', other: 'annet' },
    submit: 'Registrer',
    registered: (number: string, name: string) =>
      `Registrert som ${number} for ${name}. ${name} får statuskortet i Teams og kan følge saken i «mine saker».`,
    already: (number: string) => `Denne henvendelsen er allerede registrert som ${number}.`,
    notHelpdesk:
      'Å registrere henvendelser for andre er for brukerhjelpen. Du kan skrive ditt eget spørsmål her i chatten, så går det til superbrukeren for enheten din.',
    unknownEmployee:
      'Fant ikke den ansatte i organisasjonen. Søk opp den ansatte i listen og registrer igjen.',
    empty: 'Spørsmålet er tomt. Skriv hva den ansatte lurer på, og registrer igjen.',
    statusLabel: 'Registrert av',
    event: (channel: string) => `registrerte saken (${channel})`,
  },
  /** A handler's search of the inquiries they may see, by words. */
  search: {
    title: (query: string) => `Søk: ${query}`,
    count: (count: number) => (count === 1 ? '1 sak' : `${count} saker`),
    empty: (query: string) => `Fant ingen saker du kan se med «${query}».`,
    usage:
      'Skriv «søk» og noen ord, for eksempel «søk avvik elevtur». Jeg leter i saksnummer, spørsmål, svar og notater i sakene du kan se, de nyeste først.',
    notHandler:
      'Søk i saker er for superbrukere, koordinatorer, systemansvarlige og brukerhjelpen. «mine saker» viser sakene dine, og du kan skrive spørsmålet ditt her i chatten.',
    open: 'Åpne',
    previous: 'Forrige',
    next: 'Neste',
    page: (page: number, pages: number) => `Side ${page} av ${pages}`,
    truncated: (max: number) =>
      `Viser de ${max} nyeste treffene. Legg til flere ord for å snevre inn.`,
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
    alreadyResolved: 'Saken er allerede løst.',
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
    noVendorCase: 'Saken er ikke sendt til leverandøren, så den har ingen leverandørsak.',
    samePlace:
      'Saken hører allerede til den enheten og det temaet. Velg en annen enhet eller et annet tema.',
    noteRequired: 'Saken er ikke besvart. Skriv en kort merknad om hvordan den ble løst.',
    reopenExpired:
      'Saken ble løst for lenge siden til å åpnes igjen. Skriv spørsmålet på nytt, så blir det en ny sak.',
    alreadyRated: 'Du har allerede vurdert hjelpen. Takk!',
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
    withdrawn: (number: string) => `Innsender har trukket tilbake ${number}.`,
    infoAdded: (number: string) => `Innsender har lagt til informasjon i ${number}.`,
    reason: 'Begrunnelse',
    added: 'Lagt til',
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
    moved: (number: string, unit: string, topic: string) =>
      `${number}: Saken er flyttet til ${unit} (${topic}) og sendt til dem som behandler slike saker der.`,
  },
  followUps: {
    askerReminder: (name: string, number: string) =>
      `Påminnelse: ${name} venter fortsatt på svar fra deg om ${number}:`,
    returned: (number: string, name: string) =>
      `${number}: Vi fikk ikke svar fra deg, så saken er tilbake hos ${name}. Du kan fortsatt legge til informasjon.`,
    askerSilent: (number: string) =>
      `${number}: Innsender har ikke svart på spørsmålet ditt. Saken er tilbake hos deg.`,
    stalledReminder: (number: string, vendor: string) =>
      `${number} står fortsatt stanset hos ${vendor}. Kan noen følge den opp?`,
    undeliverable: (number: string, workArea: string) =>
      `Et varsel om ${number} (${workArea}) kom ikke fram i Teams, heller ikke til dem som skulle ta over. Sjekk at appen er installert for dem i kjeden.`,
    unfinishedReminder:
      'Spørsmålet ditt er ikke sendt ennå: velg på kortet over hvor det hører hjemme, ellers forkastes det.',
    unfinishedDropped: (excerpt: string) =>
      `Spørsmålet ditt «${excerpt}» ble ikke sendt fordi det ikke ble valgt hvor det hører hjemme. Skriv det gjerne på nytt.`,
  },
  vendorEmail: {
    greeting: 'Hei,',
    intro: 'Vi trenger hjelp med en sak i Qm+.',
    closing: 'Med vennlig hilsen',
  },
  vendorContact: {
    heading: (vendor: string) => `Skriv til ${vendor}`,
    address: 'Adresse',
    subject: 'Emne',
    hint: 'Åpner ikke e-postknappen seg? Kopier adressen og emnet over til en ny e-post.',
  },
  /** Retention, and an admin's export and erasure of what is stored about one person. */
  privacy: {
    notAdmin: 'Bare administratorer kan eksportere eller slette det som er lagret om en person.',
    usage:
      'Skriv «eksporter person kari@fjordvik.no» for å få alt som er lagret om en person som en JSON-fil, eller «slett person kari@fjordvik.no» for å slette det. Den som ikke står i organisasjonen, skriver du Entra-objekt-ID-en til i stedet for e-postadressen.',
    retention: (period: string) =>
      `Avsluttede henvendelser beholder tekst og navn i ${period}; deretter står bare tallene igjen.`,
    noRetention:
      'Ingen lagringstid er satt i organisasjonsfilen (retainFinishedFor): avsluttede henvendelser beholder tekst og navn.',
    exportReady: (email: string, link: string, minutes: number) =>
      `Eksporten for ${email} er klar: [last ned JSON](${link}). Lenken virker i ${minutes} minutter; ikke del den.`,
    eraseTitle: 'Slette en person',
    eraseFacts: {
      person: 'Person',
      asked: 'Henvendelser sendt inn',
      handled: 'Henvendelser behandlet eller varslet om',
      drafts: 'Spørsmål som ikke ble sendt',
      profile: 'Profil',
      absence: 'Fravær',
    },
    yes: 'ja',
    no: 'nei',
    eraseWhat:
      'Henvendelser personen sendte inn beholder tallene (tidspunkter, status, nivå, enhet, tema), men teksten, svarene og alle navn fjernes. I henvendelser personen behandlet, fjernes navnet og e-postadressen. Profil, fravær og uferdige spørsmål slettes. Dette kan ikke angres.',
    organisationNote:
      'Personen står fortsatt i organisasjonen. Fjern vedkommende fra organisasjonsfilen for seg.',
    confirm: 'Slett',
    erased: (email: string, asked: number, handled: number) =>
      `${email} er slettet: ${asked} innsendte henvendelser anonymisert, navnet fjernet fra ${handled} andre.`,
    notChanged: (count: number) =>
      `${count} henvendelser ble endret samtidig og er ikke slettet ennå. Skriv «slett person …» på nytt.`,
    stale:
      'Denne bekreftelsen er utløpt eller ugyldig. Skriv «slett person …» på nytt for å få en ny.',
  },
  cardSize: {
    shortened: 'forkortet her fordi kortet ble for stort for Teams',
  },
  teamsSetupCard: {
    title: 'Oppsett i Teams',
    allWell: 'Alle i kjeden kan nås i 1:1-chat, og alle triagekanalene kan brukes.',
    peopleHeading: 'Kan ikke nås i 1:1-chat',
    unreachable: {
      no_triage_team: 'Ingen triagekanal er satt opp, så Teams-ID-en kan ikke hentes fra et team.',
      not_in_team: 'Er ikke medlem av noe triageteam som appen er lagt til i.',
    },
    reachableIf: {
      personal_install: 'Nås hvis appen installeres for personen (oppsettpolicy i Teams).',
      writes_first: 'Nås når personen skriver til Qm+ Hjelp første gang.',
    },
    channelsHeading: 'Triagekanaler det ikke kan skrives i',
    channel: (channel: string, workArea: string) => `«${channel}» for ${workArea}:`,
    channelProblems: {
      bot_not_in_team: 'Appen er ikke lagt til i teamet.',
      channels_refused: 'Teams ville ikke vise kanalene i teamet.',
      channel_not_in_team: 'Kanalen finnes ikke i teamet (feil ID, eller en privat kanal).',
    },
    guide:
      'Mens dette ikke er rettet, får de som skal behandle henvendelsene dem i 1:1-chat. Se docs/teams.md for hva som trengs i Teams.',
    notReady:
      'Qm+ Hjelp har ikke nådd Teams ennå, så oppsettet kan ikke sjekkes nå. Prøv igjen om litt.',
    notAdmin:
      'Bare administratorer for Qm+ Hjelp kan se oppsettet. Du kan stille et spørsmål om Qm+ ved å skrive det her, eller skrive «hjelp» for å se hva jeg kan.',
  },
  /** The organisation in Teams: units, people and roles, changed by admins and system responsibles. */
  organisation: {
    title: (name: string) => `Organisasjonen: ${name}`,
    summary: (version: number, units: number, people: number, areas: number, topics: number) =>
      `Versjon ${version} · ${units} enheter · ${people} personer · ${areas} arbeidsområder · ${topics} temaer`,
    workAreasHeading: 'Arbeidsområder',
    workAreaLine: (coordinators: string, channel: string) =>
      `Koordinatorer: ${coordinators} · Triagekanal: ${channel}`,
    noChannel: 'ingen',
    topicsHeading: 'Temaer',
    topicLine: (holders: string) => `Systemansvarlig: ${holders}`,
    helpdesk: (holders: string) => `Brukerhjelp: ${holders}`,
    admins: (holders: string) => `Administratorer: ${holders}`,
    morePlaces: (count: number) => `… og ${count} til: søk for å finne dem`,
    nobody: 'ingen',
    unitsHeading: (page: number, pages: number, count: number) =>
      `Enheter (side ${page} av ${pages}, ${count} i alt)`,
    unitsFiltered: (filter: string, count: number) => `Enheter som passer «${filter}» (${count})`,
    unitLine: (workArea: string, superusers: string) => `${workArea} · Superbrukere: ${superusers}`,
    filterPlaceholder: 'Søk etter enhet eller person',
    search: 'Søk',
    previous: 'Forrige side',
    next: 'Neste side',
    editHeading: 'Endre en rolle',
    rolePlaceLabel: 'Rolle og sted',
    emailLabel: 'E-postadressen til personen',
    emailPlaceholder: 'navn@fylke.no',
    add: 'Legg til',
    remove: 'Fjern',
    roleNames: {
      superuser: 'Superbruker',
      coordinator: 'Koordinator',
      system_responsible: 'Systemansvarlig',
      helpdesk: 'Brukerhjelp',
    },
    rolePlace: (role: string, place: string) => `${role} – ${place}`,
    deputyHeading: 'Sett stedfortreder for en som er borte',
    deputyPerson: 'Hvem er borte (e-post)',
    deputyUntil: 'Borte til og med',
    deputyWho: 'Stedfortreder (e-post)',
    deputySave: 'Sett stedfortreder',
    importHint:
      'Send en organisasjonsfil (.json) her i chatten for å se hva den endrer før den tas i bruk.',
    changed: {
      role_added: (role: string, name: string, place: string) =>
        `${name} er nå ${role.toLowerCase()} for ${place}.`,
      role_removed: (role: string, name: string, place: string) =>
        `${name} er ikke lenger ${role.toLowerCase()} for ${place}.`,
      deputy: (name: string, until: string, deputy: string) =>
        `${name} er borte til og med ${until}; ${deputy} er stedfortreder.`,
    },
    refusals: {
      notAllowed:
        'Bare administratorer og systemansvarlige kan se og endre organisasjonen. Du kan stille et spørsmål om Qm+ ved å skrive det her, skrive «kontakt» for å se hvem du kan spørre, eller «hjelp» for å se hva jeg kan.',
      unknown_place: 'Det stedet finnes ikke lenger i organisasjonen. Her er den som den er nå.',
      unknown_person: (email: string) =>
        `${email} står ikke i organisasjonen. Legg personen inn i organisasjonsfilen først.`,
      already_holds: (email: string) => `${email} har den rollen der allerede.`,
      not_holder: (email: string) => `${email} har ikke den rollen der (lenger).`,
      unchanged: 'Det er slik allerede; ingenting ble endret.',
      busy: 'Organisasjonen ble endret av andre akkurat nå. Prøv igjen.',
      invalid: (errors: string) => `Endringen ville gjort organisasjonen ugyldig:\n${errors}`,
      badDeputy:
        'Stedfortrederen må ha en av de samme rollene som den som er borte, og datoen kan ikke ha vært.',
      notHandler: (email: string) => `${email} har ingen rolle i hjelpekjeden.`,
    },
    channel: {
      set: (workArea: string) =>
        `Denne kanalen er nå triagekanal for ${workArea}. Nye henvendelser derfra kommer hit.`,
      already: (workArea: string) => `Denne kanalen er triagekanal for ${workArea} allerede.`,
      pickTitle: 'Bruk denne kanalen som triagekanal for',
      pick: 'Bruk kanalen',
      notAllowed:
        'Bare administratorer og koordinatoren for arbeidsområdet kan velge triagekanal. Skriv «kø» eller «tavle» her for å se sakene.',
      notChannel: 'Skriv «bruk denne kanalen» i kanalen som skal være triagekanal.',
    },
    import: {
      title: (file: string) => `Forhåndsvisning av ${file}`,
      comparedWith: (version: string) =>
        `Sammenlignet med organisasjonen som er lagret nå (versjon ${version}). Ingenting er endret ennå.`,
      noStored: 'ingen',
      added: (count: number) => `Lagt til (${count})`,
      removed: (count: number) => `Fjernet (${count})`,
      changed: (count: number) => `Endret (${count})`,
      more: (count: number) => `… og ${count} til`,
      nothing: 'Filen sier det samme som organisasjonen som er lagret nå.',
      kinds: {
        unit: 'Enhet',
        workArea: 'Arbeidsområde',
        topic: 'Tema',
        person: 'Person',
        setting: 'Innstilling',
      },
      apply: 'Ta i bruk filen',
      applied: (version: number) =>
        `Organisasjonsfilen er tatt i bruk (versjon ${version}). Endringen gjelder med en gang.`,
      changedMeanwhile:
        'Organisasjonen er endret siden forhåndsvisningen, så filen er ikke tatt i bruk. Her er hva den endrer nå:',
      unknownImport:
        'Den forhåndsvisningen finnes ikke (lenger). Send filen på nytt for å se hva den endrer.',
      invalid: (file: string, count: number, errors: string) =>
        `${file} er ikke en gyldig organisasjonsfil (${count} feil). Ingenting er endret:\n${errors}`,
      downloadFailed: (file: string) => `Jeg fikk ikke hentet ${file}. Prøv å sende den på nytt.`,
      notAllowedHost: (file: string) =>
        `${file} ligger et sted jeg ikke henter filer fra. Send den som vedlegg her i chatten.`,
      tooLarge: (file: string) => `${file} er for stor til å være en organisasjonsfil.`,
    },
  },
  /** The audit trail: who changed the organisation or acted as an admin, and when. */
  audit: {
    title: 'Revisjonslogg',
    filters: 'Endringer i organisasjonen og administratorhandlinger, nyeste først.',
    actionLabel: 'Handling',
    allActions: 'Alle handlinger',
    personLabel: 'Hvem (e-post)',
    fromLabel: 'Fra og med',
    toLabel: 'Til og med',
    show: 'Vis',
    next: 'Eldre hendelser',
    empty: 'Ingen hendelser passer.',
    actions: {
      'organisation.imported': 'Organisasjonsfil tatt i bruk',
      'organisation.role_added': 'Rolle lagt til',
      'organisation.role_removed': 'Rolle fjernet',
      'organisation.triage_channel_set': 'Triagekanal satt',
      'organisation.deputy_set': 'Stedfortreder satt',
      'admin.report_pack_posted': 'Halvårsrapport postet',
      'admin.privacy_exported': 'Personopplysninger eksportert',
      'admin.privacy_erased': 'Personopplysninger slettet',
    },
    line: (at: string, actor: string, action: string) => `${at} · ${actor} · ${action}`,
    change: (before: string, after: string) => `Før: ${before} → Etter: ${after}`,
    notAllowed:
      'Bare administratorer og systemansvarlige kan se revisjonsloggen. Du kan stille et spørsmål om Qm+ ved å skrive det her, eller skrive «hjelp» for å se hva jeg kan.',
    badFilter: 'Filteret kunne ikke leses. Datoene skrives som åååå-mm-dd.',
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
