-- What operators keep about workers as OpenCue hosts: tags added with host.HostInterface/AddTags,
-- comments, and a hardware state that holds a worker back from new frames.

-- A tag an operator gave the worker; the tags it has by itself (its allocation's, its nickname,
-- its task types) are not stored.
CREATE TABLE worker_tag (
  worker_id CHAR(24) NOT NULL REFERENCES worker (id),
  tag VARCHAR(255) NOT NULL,
  PRIMARY KEY (worker_id, tag)
);

CREATE TABLE worker_comment (
  id VARCHAR(36) PRIMARY KEY,
  worker_id CHAR(24) NOT NULL REFERENCES worker (id),
  -- Epoch seconds, as OpenCue's comments carry them.
  created BIGINT NOT NULL,
  author VARCHAR(255) NOT NULL,
  subject TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX worker_comment_by_worker ON worker_comment (worker_id, created);

-- REPAIR or DOWN as an operator set it (SetHardwareState): the worker takes no new frames;
-- empty: the state follows the worker's own status.
ALTER TABLE worker ADD COLUMN hardware_state VARCHAR(16) NOT NULL DEFAULT '';
