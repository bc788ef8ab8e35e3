/** SQLite schema, applied in order; the index of each step is its version. */
export const migrations: readonly string[] = [
  `
  CREATE TABLE organisation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    snapshot TEXT NOT NULL
  );
  CREATE TABLE people (
    email TEXT PRIMARY KEY,
    aad_object_id TEXT UNIQUE,
    doc TEXT NOT NULL
  );
  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
  CREATE TABLE inquiries (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    request_key TEXT NOT NULL UNIQUE,
    asker_key TEXT NOT NULL,
    status TEXT NOT NULL,
    deadline TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX inquiries_by_asker ON inquiries (asker_key, created_at DESC);
  CREATE INDEX inquiries_by_deadline ON inquiries (deadline) WHERE deadline IS NOT NULL;
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    intent TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    due_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    done_at TEXT
  );
  CREATE INDEX outbox_due ON outbox (state, due_at);
  CREATE TABLE profiles (
    key TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE conversations (
    key TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE bot_state (
    key TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  `,
  `
  ALTER TABLE inquiries ADD COLUMN due_at TEXT;
  DROP INDEX inquiries_by_deadline;
  CREATE INDEX inquiries_due ON inquiries (due_at) WHERE due_at IS NOT NULL;
  `,
  `
  CREATE TABLE absences (
    key TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  `,
  `
  ALTER TABLE inquiries ADD COLUMN unit_id TEXT;
  ALTER TABLE inquiries ADD COLUMN work_area_id TEXT;
  ALTER TABLE inquiries ADD COLUMN topic_id TEXT;
  UPDATE inquiries SET
    unit_id = json_extract(doc, '$.unitId'),
    work_area_id = json_extract(doc, '$.workAreaId'),
    topic_id = json_extract(doc, '$.topicId');
  CREATE INDEX inquiries_queue ON inquiries (created_at)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  CREATE INDEX inquiries_queue_by_unit ON inquiries (unit_id, created_at)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  CREATE INDEX inquiries_queue_by_work_area ON inquiries (work_area_id, created_at)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  CREATE INDEX inquiries_queue_by_topic ON inquiries (topic_id, created_at)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  `,
  `
  CREATE TABLE knowledge_entries (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE TABLE solved_inquiries (
    inquiry_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    doc TEXT NOT NULL
  );
  CREATE TABLE self_served (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX self_served_by_time ON self_served (at);
  `,
  `
  ALTER TABLE inquiries ADD COLUMN updated_at TEXT;
  UPDATE inquiries SET updated_at = json_extract(doc, '$.updatedAt');
  CREATE INDEX inquiries_written_by_work_area ON inquiries (work_area_id, updated_at);
  `,
  `
  ALTER TABLE inquiries ADD COLUMN finished_at TEXT;
  UPDATE inquiries SET finished_at = updated_at
    WHERE status IN ('resolved', 'withdrawn') AND json_extract(doc, '$.redactedAt') IS NULL;
  CREATE INDEX inquiries_finished ON inquiries (finished_at) WHERE finished_at IS NOT NULL;
  CREATE INDEX outbox_done ON outbox (done_at) WHERE done_at IS NOT NULL;
  CREATE INDEX drafts_by_time ON drafts (created_at);
  `,
  `
  ALTER TABLE inquiries ADD COLUMN search_text TEXT;
  ALTER TABLE inquiries ADD COLUMN registered_by TEXT;
  UPDATE inquiries SET
    search_text = lower(number || ' ' || coalesce(json_extract(doc, '$.text'), '') || ' ' ||
      coalesce(json_extract(doc, '$.answer.text'), '') || ' ' ||
      coalesce(json_extract(doc, '$.closingNote.text'), '') || ' ' ||
      coalesce((SELECT group_concat(json_extract(event.value, '$.note'), ' ')
        FROM json_each(doc, '$.history') AS event
        WHERE json_extract(event.value, '$.type') = 'noted'), '') || ' ' ||
      coalesce(json_extract(doc, '$.vendorCase.caseNumber'), '') || ' ' ||
      coalesce(json_extract(doc, '$.vendorCase.reply.text'), '')),
    registered_by = json_extract(doc, '$.intake.by.key');
  CREATE INDEX inquiries_by_time ON inquiries (created_at);
  CREATE INDEX inquiries_by_unit ON inquiries (unit_id, created_at);
  CREATE INDEX inquiries_by_work_area ON inquiries (work_area_id, created_at);
  CREATE INDEX inquiries_by_topic ON inquiries (topic_id, created_at);
  CREATE INDEX inquiries_by_registrar ON inquiries (registered_by, created_at)
    WHERE registered_by IS NOT NULL;
  `,
  `
  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_key TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX audit_events_by_action ON audit_events (action, seq);
  CREATE INDEX audit_events_by_actor ON audit_events (actor_key, seq);
  CREATE INDEX audit_events_by_time ON audit_events (at);
  `,
  `
  ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE drafts ADD COLUMN follow_up_at TEXT;
  CREATE INDEX drafts_follow_up ON drafts (follow_up_at) WHERE follow_up_at IS NOT NULL;
  `,
  `
  ALTER TABLE inquiries ADD COLUMN level TEXT;
  ALTER TABLE inquiries ADD COLUMN assignee_key TEXT;
  UPDATE inquiries SET
    level = json_extract(doc, '$.level'),
    assignee_key = json_extract(doc, '$.assignee.key');
  DROP INDEX inquiries_queue;
  DROP INDEX inquiries_queue_by_unit;
  DROP INDEX inquiries_queue_by_work_area;
  DROP INDEX inquiries_queue_by_topic;
  CREATE INDEX inquiries_queue
    ON inquiries (created_at, id, status, level, assignee_key, unit_id, topic_id)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  CREATE INDEX inquiries_queue_by_unit
    ON inquiries (unit_id, created_at, id, status, level, assignee_key, topic_id)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  CREATE INDEX inquiries_queue_by_work_area
    ON inquiries (work_area_id, created_at, id, status, level, assignee_key, unit_id, topic_id)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  CREATE INDEX inquiries_queue_by_topic
    ON inquiries (topic_id, created_at, id, status, level, assignee_key, unit_id)
    WHERE status IN ('new', 'claimed', 'waiting_for_asker', 'stalled');
  `,
];
