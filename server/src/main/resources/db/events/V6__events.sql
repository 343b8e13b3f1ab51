-- The event journal: each event the embedded farm's transactions make, written in the same
-- transaction as the change, so an event exists if and only if its change committed. It keeps
-- the last EVENTS_BUFFER events, from which a restarted CueGate reloads its stream's buffer and
-- continues the ids. Plain SQL that SQLite, H2 and PostgreSQL all accept.

CREATE TABLE event_journal (
  -- Monotonic, one more than the last event's; ids are never reused, pruning keeps the newest.
  id BIGINT PRIMARY KEY,
  -- As clients spell it, e.g. frame.dead.
  type VARCHAR(64) NOT NULL,
  -- Epoch milliseconds of the change.
  created BIGINT NOT NULL,
  -- Empty for host events.
  show_name VARCHAR(255) NOT NULL,
  job_name VARCHAR(512) NOT NULL,
  -- The other ids, names and values the event carries: a JSON object.
  attributes TEXT NOT NULL
);
