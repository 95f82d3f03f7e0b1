"""The first schema: every table of the data model in ARCHITECTURE.md."""

from __future__ import annotations

import sqlcipher3

# Times are stored as UTC text 'YYYY-MM-DDTHH:MM:SSZ' (fixed width, so text order is time order,
# and SQLite's date functions read it). JSON columns hold text produced by json.dumps.
# message.priority is a rank: lower is more urgent (0 = suspected adverse event).
SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE agent (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
);

CREATE TABLE channel_account (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',   -- JSON, never secrets
    cursor TEXT NOT NULL DEFAULT '{}',     -- JSON, the connector's resume point
    status TEXT NOT NULL DEFAULT 'active', -- active | paused | reconnect_needed
    sync_interval_s INTEGER NOT NULL DEFAULT 300,
    last_success_at TEXT,
    last_error TEXT,
    last_error_at TEXT,
    retry_at TEXT,
    token_expires_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    author_type TEXT NOT NULL DEFAULT 'newcomer',
    author_type_reasons TEXT NOT NULL DEFAULT '[]',
    author_type_override TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES channel_account(id),
    external_id TEXT NOT NULL,
    name TEXT NOT NULL,
    handle TEXT,
    profile_url TEXT,
    person_id INTEGER REFERENCES person(id),
    first_seen_at TEXT NOT NULL,
    UNIQUE (account_id, external_id)
);
CREATE INDEX author_person ON author(person_id);

CREATE TABLE person_merge_suggestion (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES author(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    score REAL NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL DEFAULT 'suggested',  -- suggested | confirmed | rejected
    decided_by TEXT,
    decided_at TEXT,
    UNIQUE (author_id, person_id)
);

CREATE TABLE message (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES channel_account(id),
    external_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL DEFAULT 'in',
    author_id INTEGER REFERENCES author(id),
    thread_external_id TEXT,
    parent_external_id TEXT,
    text TEXT NOT NULL,
    url TEXT,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT,
    hidden INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',
    assignee TEXT,
    language TEXT,
    mood_label TEXT,
    mood_score REAL,
    emotions TEXT NOT NULL DEFAULT '{}',
    mood_evidence TEXT NOT NULL DEFAULT '[]',
    intent TEXT,
    expects_reply INTEGER NOT NULL DEFAULT 0,
    pv_suspected INTEGER NOT NULL DEFAULT 0,
    pv_score REAL NOT NULL DEFAULT 0,
    pv_signal TEXT NOT NULL DEFAULT '{}',
    pv_screening TEXT NOT NULL DEFAULT 'unscreened',
    pv_screening_reason TEXT,
    suggested_action TEXT,
    priority INTEGER NOT NULL DEFAULT 9,
    due_at TEXT,
    first_response_at TEXT,
    handled_at TEXT,
    raw TEXT,
    UNIQUE (account_id, external_id)
);
-- Queue indexes are partial (inbound only): our own replies live in the same table but never in a queue.
CREATE INDEX message_all_queue ON message(priority, due_at, id) WHERE direction = 'in';
CREATE INDEX message_queue ON message(status, priority, due_at, id) WHERE direction = 'in';
CREATE INDEX message_assignee_queue ON message(assignee, status, priority, due_at, id) WHERE direction = 'in';
CREATE INDEX message_account_queue ON message(account_id, status, priority, due_at, id) WHERE direction = 'in';
CREATE INDEX message_pv_queue ON message(pv_screening, due_at, id) WHERE direction = 'in';
CREATE INDEX message_author ON message(author_id, created_at);
CREATE INDEX message_thread ON message(account_id, thread_external_id, created_at);
CREATE INDEX message_created ON message(created_at);

-- Items a connector could not normalise: kept with the reason, never silently dropped.
CREATE TABLE rejected_item (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES channel_account(id),
    external_id TEXT,
    reason TEXT NOT NULL,
    raw TEXT NOT NULL,
    received_at TEXT NOT NULL
);

CREATE TABLE attachment (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES message(id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX attachment_message ON attachment(message_id);

CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    message_id INTEGER REFERENCES message(id),
    person_id INTEGER REFERENCES person(id),
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX note_message ON note(message_id);
CREATE INDEX note_person ON note(person_id);

CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE message_tag (
    message_id INTEGER NOT NULL REFERENCES message(id),
    tag_id INTEGER NOT NULL REFERENCES tag(id),
    PRIMARY KEY (message_id, tag_id)
);
CREATE INDEX message_tag_tag ON message_tag(tag_id);
CREATE TABLE person_tag (
    person_id INTEGER NOT NULL REFERENCES person(id),
    tag_id INTEGER NOT NULL REFERENCES tag(id),
    PRIMARY KEY (person_id, tag_id)
);

-- Every status, assignment and screening change, with who and when (drives undo and reports).
CREATE TABLE status_event (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES message(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reason TEXT
);
CREATE INDEX status_event_message ON status_event(message_id, at);
CREATE INDEX status_event_at ON status_event(at);

CREATE TABLE saved_filter (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT,
    query TEXT NOT NULL,            -- JSON of the queue filter
    created_at TEXT NOT NULL,
    UNIQUE (owner, name)
);

CREATE TABLE template (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,          -- answer | thanks | moderation | pv_follow_up | crisis
    language TEXT NOT NULL,
    channels TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    shortcut TEXT,
    pv_safe INTEGER NOT NULL DEFAULT 0,
    usage_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (name, language)
);
CREATE TABLE template_version (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES template(id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft',  -- draft | approved | retired
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    approval_reference TEXT,
    approved_by TEXT,
    approved_at TEXT,
    expires_at TEXT,
    UNIQUE (template_id, version)
);
CREATE TABLE approval (
    id INTEGER PRIMARY KEY,
    template_version_id INTEGER NOT NULL REFERENCES template_version(id),
    action TEXT NOT NULL,            -- approved | retired | rejected
    actor TEXT NOT NULL,
    reference TEXT,
    expires_at TEXT,
    at TEXT NOT NULL
);
CREATE TABLE template_usage (
    id INTEGER PRIMARY KEY,
    template_version_id INTEGER NOT NULL REFERENCES template_version(id),
    message_id INTEGER REFERENCES message(id),
    actor TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE TABLE pv_case (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'draft',   -- draft | ready | forwarded | acknowledged | closed_invalid
    person_id INTEGER REFERENCES person(id),
    day0 TEXT NOT NULL,
    day0_reason TEXT,
    serious INTEGER NOT NULL DEFAULT 0,
    seriousness TEXT NOT NULL DEFAULT '{}',  -- JSON: the six E2B criteria -> bool
    reporter TEXT NOT NULL DEFAULT '{}',
    patient TEXT NOT NULL DEFAULT '{}',
    narrative TEXT NOT NULL DEFAULT '',
    internal_due_at TEXT NOT NULL,
    regulatory_due_at TEXT NOT NULL,
    forwarded_at TEXT,
    forwarded_by TEXT,
    forward_method TEXT,
    forward_to TEXT,
    safety_case_number TEXT,
    acknowledged_at TEXT,
    closed_reason TEXT,
    follow_up_of INTEGER REFERENCES pv_case(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX pv_case_state ON pv_case(state, internal_due_at);
CREATE TABLE pv_case_message (
    case_id INTEGER NOT NULL REFERENCES pv_case(id),
    message_id INTEGER NOT NULL REFERENCES message(id),
    snapshot TEXT NOT NULL,          -- JSON: text, permalink, timestamps; immutable
    snapshot_hash TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (case_id, message_id)
);
CREATE INDEX pv_case_message_message ON pv_case_message(message_id);
CREATE TABLE pv_case_product (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES pv_case(id),
    name TEXT NOT NULL,
    substance TEXT,
    role TEXT NOT NULL DEFAULT 'suspect',
    batch TEXT,
    dose TEXT,
    route TEXT,
    indication TEXT,
    action_taken TEXT,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE pv_case_event (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES pv_case(id),
    verbatim TEXT NOT NULL,
    language TEXT,
    meddra_llt_code TEXT,
    meddra_version TEXT,
    onset TEXT,
    outcome TEXT,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE pv_follow_up (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES pv_case(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    channel TEXT NOT NULL,
    template_id INTEGER REFERENCES template(id),
    outcome TEXT NOT NULL DEFAULT 'requested',
    note TEXT
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES channel_account(id),
    message_id INTEGER REFERENCES message(id),
    action TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    remote_id TEXT,
    remote_url TEXT,
    next_attempt_at TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
CREATE INDEX outbox_message ON outbox(message_id);

CREATE TABLE alert (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,              -- monitoring_gap | mood_spike | volume_spike
    key TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    cleared_at TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX alert_open ON alert(kind, key, cleared_at);

-- Append-only and hash-chained: each row stores the previous row's hash.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Full-text search over message text and author names. The content is a view, so the
-- index stores no second copy of the text; triggers keep it in step.
CREATE VIEW message_search_source AS
    SELECT message.id AS id, message.text AS text, coalesce(author.name, '') AS author_name
    FROM message LEFT JOIN author ON author.id = message.author_id;
CREATE VIRTUAL TABLE message_fts USING fts5(
    text, author_name,
    content='message_search_source', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
    INSERT INTO message_fts(rowid, text, author_name) VALUES (
        new.id, new.text, coalesce((SELECT name FROM author WHERE id = new.author_id), ''));
END;
CREATE TRIGGER message_fts_delete AFTER DELETE ON message BEGIN
    INSERT INTO message_fts(message_fts, rowid, text, author_name) VALUES (
        'delete', old.id, old.text, coalesce((SELECT name FROM author WHERE id = old.author_id), ''));
END;
CREATE TRIGGER message_fts_update AFTER UPDATE OF text, author_id ON message BEGIN
    INSERT INTO message_fts(message_fts, rowid, text, author_name) VALUES (
        'delete', old.id, old.text, coalesce((SELECT name FROM author WHERE id = old.author_id), ''));
    INSERT INTO message_fts(rowid, text, author_name) VALUES (
        new.id, new.text, coalesce((SELECT name FROM author WHERE id = new.author_id), ''));
END;
CREATE TRIGGER author_fts_rename AFTER UPDATE OF name ON author BEGIN
    INSERT INTO message_fts(message_fts, rowid, text, author_name)
        SELECT 'delete', id, text, old.name FROM message WHERE author_id = new.id;
    INSERT INTO message_fts(rowid, text, author_name)
        SELECT id, text, new.name FROM message WHERE author_id = new.id;
END;
"""


def apply(conn: sqlcipher3.Connection) -> None:
    for statement in _statements(SCHEMA):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies (which hold ';') whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current)
        if sqlcipher3.complete_statement(joined):
            statements.append(joined)
            current = []
    return statements
