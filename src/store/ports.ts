import type { Absence } from '../absence/absence';
import type { AuditEvent, AuditQuery, NewAuditEvent } from '../audit/audit-event';
import type { NewAttachment } from '../inquiries/commands';
import type { DeliveryFailure, Inquiry, NewInquiry } from '../inquiries/inquiry';
import type { QueueItem } from '../inquiries/queue-item';
import type {
  KnowledgeEntry,
  KnowledgeMarker,
  SelfServed,
  SolvedInquiry,
} from '../knowledge/entry';
import type { CardPlacement } from '../inquiries/posted-cards';
import type { NotificationIntent, OutboxItem } from '../notifications/intents';
import type { OrgSnapshot } from '../org/directory';
import type { Organisation, Person } from '../org/schema';

/** The result of a conditional write. A conflict means someone else wrote first: reload and decide again. */
export type WriteResult<T> =
  { ok: true; value: T } | { ok: false; reason: 'conflict' | 'not_found' };

export interface OrganisationRepository {
  /** The current organisation, or undefined before the first import. */
  current(): Promise<OrgSnapshot | undefined>;
  /** A cheap check of whether a cached snapshot is still current, read now. */
  version(): Promise<number | undefined>;
  /**
   * The version as `version()` gives it, but on Cosmos DB read at most once per
   * `sharedMarkerReadAgeMs` by an instance (one request per period, however many turns): this
   * instance's own imports are seen at once, another instance's within that age. What a message
   * turn routes by; a write conditional on the version checks it with `version()`.
   */
  recentVersion(): Promise<number | undefined>;
  /** Replaces the whole organisation atomically; readers see the old one or the new one. */
  replace(org: Organisation, importedAt: Date): Promise<OrgSnapshot>;
  /**
   * Replaces the whole organisation as `replace` does, but only if its version is still
   * `expectedVersion` (undefined: only if none is stored) and no other conditional write is under
   * way; otherwise a conflict, and nothing changes for readers.
   */
  replaceIfVersion(
    org: Organisation,
    importedAt: Date,
    expectedVersion: number | undefined,
  ): Promise<WriteResult<OrgSnapshot>>;
  /** Every person of the current organisation, in no particular order. */
  allPeople(): Promise<Person[]>;
  /**
   * A person of the organisation. `generation` is the version of the snapshot the caller reads
   * (from `version()` or a cached `current()`): given, the store need not look it up again.
   */
  personByEmail(email: string, generation?: number): Promise<Person | undefined>;
  personByAadObjectId(aadObjectId: string, generation?: number): Promise<Person | undefined>;
  /**
   * People whose name or email holds every one of these lower-case words, by name, at most
   * `limit`: the helpdesk's search for the employee it registers an inquiry for.
   */
  searchPeople(words: readonly string[], limit: number, generation?: number): Promise<Person[]>;
}

/**
 * Which inquiries a handler's queue asks for; every filter given must hold, an absent one lets
 * everything through, an empty list nothing.
 */
export interface QueueQuery {
  unitIds?: readonly string[];
  workAreaIds?: readonly string[];
  topicIds?: readonly string[];
}

/**
 * Which inquiries a search by words reads: those of a handler's scope (as the queue narrows it),
 * or those a helpdesk person registered.
 */
export type SearchScope = QueueQuery | { registeredBy: string };

export interface InquirySearch {
  /** Lower-case words (see `searchWords`), each of which must occur in the inquiry's search text. */
  words: readonly string[];
  scope: SearchScope;
}

/** What a message from an asker is known by, to find the inquiries it may be about. */
export interface AskerMessageKeys {
  requestKey: string;
  /** The activity id of the message a Teams reply quotes. */
  quotedActivityId?: string;
  /** The one inquiry number the quoted message shows. */
  quotedNumber?: string;
}

export interface InquiryRepository {
  /**
   * Stores a new inquiry with the next readable number of its year and queues its notifications,
   * in one step. Idempotent on `requestKey`: a second call returns the first inquiry, `created: false`.
   * The inquiry's id is `inquiryIdFor(requestKey)`, so a store may know a repeat by its id alone.
   */
  create(
    inquiry: NewInquiry,
    notifications: NotificationIntent[],
  ): Promise<{ inquiry: Inquiry; created: boolean }>;
  get(id: string): Promise<Inquiry | undefined>;
  byNumber(number: string): Promise<Inquiry | undefined>;
  /** Writes a changed inquiry if its etag is still current, and queues its notifications with it. */
  update(inquiry: Inquiry, notifications: NotificationIntent[]): Promise<WriteResult<Inquiry>>;
  /**
   * Records where a card about the inquiry was posted (see `placeCard`), and the event of posting
   * it, without touching its state or racing its etag.
   */
  recordCard(
    id: string,
    placement: CardPlacement,
    event?: Inquiry['history'][number],
  ): Promise<WriteResult<Inquiry>>;
  /** Records on the inquiry's history that a notification about it could not be delivered. */
  recordDeliveryFailure(id: string, failure: DeliveryFailure): Promise<WriteResult<Inquiry>>;
  /** An asker's inquiries, newest first. */
  listByAsker(askerKey: string, limit: number): Promise<Inquiry[]>;
  /**
   * The asker's inquiries a message from them may be about, newest first: those waiting for the
   * asker, those not finished that waited for the asker and whose history already holds the
   * message's request key (Teams delivered a reply again), and, for a Teams reply that quotes a
   * card, the one whose status card has the quoted activity id or whose number the quote shows.
   * Reads as few as possible however many inquiries the asker has: on Cosmos DB a point read of
   * the asker's list of inquiries that wait or waited for them (and a query only for a quote).
   */
  meantByAskerMessage(askerKey: string, message: AskerMessageKeys): Promise<Inquiry[]>;
  /**
   * Inquiries whose `dueAt` has come at `now`, earliest first, at most `limit`: the escalation
   * scheduler's work. Served by an index on `dueAt`; inquiries without one are never returned.
   */
  due(now: Date, limit: number): Promise<Inquiry[]>;
  /**
   * Inquiries still on a handler's desk (`inHandlersQueue`) that match the query, oldest first, at
   * most `limit`. Served by indexes on the open inquiries; closed ones are never read.
   */
  handlersQueue(query: QueueQuery, limit: number): Promise<Inquiry[]>;
  /**
   * The same inquiries as `handlersQueue`, in the same order and up to the same limit, as their
   * queue items: the fields kept beside each inquiry, without reading its document. What a
   * handler's queue groups and counts.
   */
  handlersQueueItems(query: QueueQuery, limit: number): Promise<QueueItem[]>;
  /**
   * Inquiries of these work areas, open or closed, last written at or after `since`, most recently
   * written first, at most `limit`: what a work area's board reads to count this week's events.
   * Served by an index on (work area, time of last write); older inquiries are never read.
   */
  writtenSince(workAreaIds: readonly string[], since: Date, limit: number): Promise<Inquiry[]>;
  /**
   * Finished inquiries (see `finishedAt`) not yet redacted that finished at or before `cutoff`,
   * earliest first, at most `limit`: the retention run's work. Served by an index on the finishing
   * time, kept only while an inquiry is finished and not redacted.
   */
  finishedBefore(cutoff: Date, limit: number): Promise<Inquiry[]>;
  /**
   * Writes an inquiry whose text or people were removed, if its etag is still current; where the
   * asker's key changed, the inquiry leaves the old asker's list. Queues nothing.
   */
  scrub(inquiry: Inquiry): Promise<WriteResult<Inquiry>>;
  /**
   * Every inquiry that names one of these person keys anywhere (asker, handler, chain, history).
   * A scan of the whole store: for the rare export and erasure of one person, never for a turn.
   */
  involving(personKeys: readonly string[]): Promise<Inquiry[]>;
  /**
   * Inquiries of the scope, open or closed, whose number, question, answer, notes or vendor reply
   * hold every word, newest first, at most `limit`. No words finds nothing.
   */
  search(search: InquirySearch, limit: number): Promise<Inquiry[]>;
}

export interface OutboxRepository {
  enqueue(intents: NotificationIntent[], dueAt: Date): Promise<void>;
  /**
   * Leases up to `limit` items due at `now` to `owner` until `leaseUntil`; an item leased by
   * another owner whose lease has not expired is skipped, so each item is worked on by one instance.
   */
  lease(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<OutboxItem[]>;
  complete(id: number, owner: string, at: Date): Promise<void>;
  /** Gives an item back for another try at `retryAt`, recording the error. */
  retry(id: number, owner: string, retryAt: Date, error: string): Promise<void>;
  /** Gives up on an item for good, recording why. */
  fail(id: number, owner: string, at: Date, error: string): Promise<void>;
  /**
   * Extends the leases `owner` still holds on these items to `leaseUntil`, so that work under way
   * keeps them while a crashed instance's lapse within one short lease.
   */
  renew(ids: number[], owner: string, leaseUntil: Date): Promise<void>;
  pendingCount(): Promise<number>;
  /** When the oldest item not yet sent (nor given up) was queued, or undefined when none waits. */
  oldestPending(): Promise<Date | undefined>;
  /** Removes up to `limit` items sent or given up at or before `cutoff`; returns how many. */
  removeFinishedBefore(cutoff: Date, limit: number): Promise<number>;
  /**
   * Removes the items sent or given up that are about these inquiries or addressed to these
   * people (what they carried may name them); returns how many. A scan, for erasure.
   */
  removeFinishedAbout(
    inquiryIds: readonly string[],
    personKeys: readonly string[],
  ): Promise<number>;
}

/** A person's remembered choices, for people the organisation file does not list. */
export interface Profile {
  key: string;
  name: string;
  unitId: string;
  etag?: string;
}

export interface ProfileRepository {
  get(key: string): Promise<Profile | undefined>;
  put(profile: Profile): Promise<WriteResult<Profile>>;
  /** Removes a person's profile; nothing happens when there is none. */
  remove(key: string): Promise<void>;
}

/** How old an absence read for routing may be on Cosmos DB, when another instance wrote it. */
export const absenceReadAgeMs = 30_000;

/**
 * How old a read of what marks a change to shared reference data (the organisation's version, the
 * knowledge entries' marker) may be on Cosmos DB, when another instance made the change.
 */
export const sharedMarkerReadAgeMs = 5_000;

/** Who is away and who stands in for them, one document per person. */
export interface AbsenceRepository {
  get(key: string): Promise<Absence | undefined>;
  /**
   * The absences of these people, for routing an inquiry. This instance's own writes are seen at
   * once; on Cosmos DB one written by another instance may be seen up to `absenceReadAgeMs` late,
   * so that routing a question does not read each person in the chain every time.
   */
  forRouting(keys: readonly string[]): Promise<Absence[]>;
  /**
   * Creates (without an etag) or replaces (with the etag that was read) a person's absence; a
   * create over an existing one or a stale etag is a conflict.
   */
  put(absence: Absence): Promise<WriteResult<Absence>>;
  /** Removes a person's absence; nothing happens when there is none. */
  remove(key: string): Promise<void>;
}

/** A question waiting for the asker to pick their unit or topic before it becomes an inquiry. */
export interface Draft {
  id: string;
  askerKey: string;
  text: string;
  locale: 'nb' | 'en';
  createdAt: string;
  unitId?: string;
  /** Files and images sent with the question, recorded on the inquiry it becomes. */
  attachments?: NewAttachment[];
  /**
   * When the bot next follows the question up while nobody has chosen where it belongs (a reminder
   * to the asker, then dropping it); absent once it became an inquiry or when never followed up.
   */
  followUpAt?: string;
  /** The asker has been reminded of it once. */
  reminded?: boolean;
}

/** A draft whose follow-up has come, with the version it was read at. */
export interface DueDraft {
  draft: Draft;
  etag: string;
}

export interface DraftRepository {
  /** Stores a draft unless one with this id exists; returns false for a repeat. */
  add(draft: Draft): Promise<boolean>;
  get(id: string): Promise<Draft | undefined>;
  setUnit(id: string, unitId: string): Promise<void>;
  /** Removes up to `limit` drafts created at or before `cutoff`; returns how many. */
  removeCreatedBefore(cutoff: Date, limit: number): Promise<number>;
  /** A person's drafts, at most `limit`. */
  byAsker(askerKey: string, limit: number): Promise<Draft[]>;
  /** Removes a draft whatever its version: a person's erasure. */
  erase(id: string): Promise<void>;
  /**
   * Drafts whose `followUpAt` has come at `now`, earliest first, at most `limit`. Served by an
   * index on `followUpAt`; drafts without one are never read.
   */
  due(now: Date, limit: number): Promise<DueDraft[]>;
  /**
   * Sets (or, without `followUpAt`, clears) a draft's next follow-up and whether its asker was
   * reminded, if it is still at `etag`: of several instances, one wins each follow-up.
   */
  followUp(
    id: string,
    etag: string,
    next: { followUpAt?: string; reminded: boolean },
  ): Promise<WriteResult<void>>;
  /** The draft became an inquiry: it is never followed up. */
  finish(id: string): Promise<void>;
  /** Removes a draft if it is still at `etag`. */
  remove(id: string, etag: string): Promise<WriteResult<void>>;
}

/** A Bot Framework conversation reference, kept as the opaque JSON the bot layer gives. */
export type StoredReference = Record<string, unknown>;

export interface TeamsEndpoint {
  serviceUrl: string;
  tenantId?: string;
}

export interface ConversationRepository {
  /** The 1:1 conversation with a person, by person key. */
  personal(key: string): Promise<StoredReference | undefined>;
  savePersonal(key: string, reference: StoredReference, at: Date): Promise<void>;
  /**
   * The service URL last seen on an incoming activity from a tenant, needed to reach its channels
   * and start chats there; kept per tenant, so one tenant's activity never redirects another's sends.
   */
  endpoint(tenantId: string): Promise<TeamsEndpoint | undefined>;
  saveEndpoint(endpoint: TeamsEndpoint & { tenantId: string }, at: Date): Promise<void>;
  /** A person's Teams user id (`29:…`), as the roster of a team the bot is in gave it. */
  teamsUserId(key: string): Promise<string | undefined>;
  saveTeamsUserId(key: string, teamsUserId: string, at: Date): Promise<void>;
  /** Forgets a person's 1:1 conversation and Teams user id. */
  forgetPerson(key: string): Promise<void>;
}

/** Key-value documents with etags, for the bot framework's turn state. */
export interface StateRepository {
  read(keys: string[]): Promise<Record<string, { value: unknown; etag: string }>>;
  /** Writes each value; a given etag other than '*' must match or the write is a conflict. */
  write(changes: Record<string, { value: unknown; etag?: string }>): Promise<WriteResult<void>>;
  delete(keys: string[]): Promise<void>;
}

/** The knowledge base: entries, resolved inquiries for "similar inquiries", and self-served questions. */
export interface KnowledgeRepository {
  /** Changes with every write of an entry or a solved inquiry; one or two point reads. */
  marker(): Promise<KnowledgeMarker>;
  /**
   * The entries' half of the marker alone: what a suggestion turn checks. This instance's own
   * writes move it at once; on Cosmos DB another instance's are seen within
   * `sharedMarkerReadAgeMs` (one point read per period, however many turns).
   */
  entriesMarker(): Promise<number>;
  /** Every entry, retired ones too. */
  entries(): Promise<KnowledgeEntry[]>;
  entry(id: string): Promise<KnowledgeEntry | undefined>;
  /** Creates an entry (without etag; a conflict if the id exists) or replaces it (with its etag). */
  putEntry(entry: KnowledgeEntry): Promise<WriteResult<KnowledgeEntry>>;
  /** Records a resolved inquiry's question and answer; recording it again replaces it. */
  recordSolved(solved: SolvedInquiry): Promise<void>;
  solved(inquiryId: string): Promise<SolvedInquiry | undefined>;
  /** Solved inquiries recorded after `seq` (each with its `seq`), lowest first, at most `limit`. */
  solvedAfter(seq: number, limit: number): Promise<SolvedInquiry[]>;
  /** Counts a question an entry answered; false when this question was counted already. */
  recordSelfServed(record: SelfServed): Promise<boolean>;
  /** The record of a question an entry answered, by the question's request key. */
  selfServed(id: string): Promise<SelfServed | undefined>;
  /** Questions answered by an entry at or after `since`. */
  selfServedSince(since: Date): Promise<SelfServed[]>;
  /** A person's self-served questions; a scan, for export and erasure. */
  selfServedBy(askerKey: string): Promise<SelfServed[]>;
  /** Gives a person's self-served questions another asker key (a placeholder); returns how many. */
  reassignSelfServed(askerKey: string, placeholder: string): Promise<number>;
}

/** The audit trail: append-only events of organisation changes and admin actions. */
export interface AuditRepository {
  /** Records an event; it gets the next sequence number and is never changed afterwards. */
  append(event: NewAuditEvent): Promise<AuditEvent>;
  /** Events that match the query, newest first, at most `limit`. */
  list(query: AuditQuery, limit: number): Promise<AuditEvent[]>;
}

export interface Store {
  organisation: OrganisationRepository;
  audit: AuditRepository;
  inquiries: InquiryRepository;
  outbox: OutboxRepository;
  profiles: ProfileRepository;
  drafts: DraftRepository;
  absences: AbsenceRepository;
  conversations: ConversationRepository;
  state: StateRepository;
  knowledge: KnowledgeRepository;
  /**
   * Makes what was removed unreadable in the store's own files too (SQLite: writes its log back
   * and empties it); nothing to do where the service keeps no old versions.
   */
  purgeRemoved(): Promise<void>;
  /**
   * Reads again what the store remembers of changes other instances make (on Cosmos DB the
   * organisation's version, the knowledge entries' marker, and the absences once half their age
   * has passed); run every `sharedMarkerReadAgeMs / 2`, so that a person's turn finds them fresh
   * and does not read them itself. Nothing to do where one instance holds the store.
   */
  refreshRemembered(): Promise<void>;
  close(): Promise<void>;
}
