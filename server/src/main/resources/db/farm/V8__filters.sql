-- A show's filters, as OpenCue's: applied in filter_order to each job launched into the show.
-- A filter's matchers test the job (all of them, or any); when they match, its actions run.
-- "order" is a reserved word, hence filter_order.

CREATE TABLE filter (
  id VARCHAR(36) PRIMARY KEY,
  show_id VARCHAR(36) NOT NULL REFERENCES show (id),
  name VARCHAR(255) NOT NULL,
  filter_type VARCHAR(16) NOT NULL,
  filter_order INTEGER NOT NULL,
  enabled BOOLEAN NOT NULL
);
CREATE INDEX filter_by_show ON filter (show_id, filter_order);

CREATE TABLE filter_matcher (
  id VARCHAR(36) PRIMARY KEY,
  filter_id VARCHAR(36) NOT NULL REFERENCES filter (id),
  subject VARCHAR(32) NOT NULL,
  match_type VARCHAR(32) NOT NULL,
  match_input TEXT NOT NULL,
  created BIGINT NOT NULL
);
CREATE INDEX filter_matcher_by_filter ON filter_matcher (filter_id);

-- One value per action, by its type: the group for MOVE_JOB_TO_GROUP, the number for
-- SET_JOB_PRIORITY and SET_JOB_MAX_CORES (hundredths of a core), none for the others.
CREATE TABLE filter_action (
  id VARCHAR(36) PRIMARY KEY,
  filter_id VARCHAR(36) NOT NULL REFERENCES filter (id),
  action_type VARCHAR(32) NOT NULL,
  folder_id VARCHAR(36) REFERENCES folder (id),
  integer_value INTEGER NOT NULL,
  created BIGINT NOT NULL
);
CREATE INDEX filter_action_by_filter ON filter_action (filter_id);
