-- HTTP workers (the Flamenco-compatible protocol) and the tasks they run: one task per frame.
-- Ids seen by workers are 24 hex digits (Flamenco's ObjectIds); times are epoch milliseconds.

CREATE TABLE worker (
  id CHAR(24) PRIMARY KEY,
  -- PBKDF2 of the worker's secret: "pbkdf2-sha256$<iterations>$<salt>$<hash>", base64.
  secret_hash VARCHAR(255) NOT NULL,
  nickname VARCHAR(255) NOT NULL,
  platform VARCHAR(32) NOT NULL,
  supported_task_types TEXT NOT NULL,
  software VARCHAR(255) NOT NULL,
  address VARCHAR(255) NOT NULL,
  status VARCHAR(32) NOT NULL,
  status_requested VARCHAR(32) NOT NULL,
  lazy_status_request BOOLEAN NOT NULL,
  current_task CHAR(24),
  cores INTEGER NOT NULL,
  memory_mb BIGINT NOT NULL,
  registered BIGINT NOT NULL,
  last_activity BIGINT NOT NULL
);

-- The 24-hex id workers see for a job of the farm.
CREATE TABLE worker_job (
  id CHAR(24) PRIMARY KEY,
  job_id VARCHAR(36) NOT NULL UNIQUE REFERENCES job (id)
);

-- A frame as a task: created when a worker first takes the frame.
CREATE TABLE worker_task (
  id CHAR(24) PRIMARY KEY,
  frame_id VARCHAR(36) NOT NULL UNIQUE REFERENCES frame (id),
  job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  task_type VARCHAR(255) NOT NULL,
  status VARCHAR(32) NOT NULL,
  worker_id CHAR(24) REFERENCES worker (id),
  activity TEXT NOT NULL,
  progress INTEGER NOT NULL,
  last_update BIGINT NOT NULL
);
CREATE INDEX worker_task_by_worker ON worker_task (worker_id, status);

-- Which workers failed a task; they are not given it again.
CREATE TABLE worker_task_failure (
  task_id CHAR(24) NOT NULL REFERENCES worker_task (id),
  worker_id CHAR(24) NOT NULL REFERENCES worker (id),
  job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  task_type VARCHAR(255) NOT NULL,
  PRIMARY KEY (task_id, worker_id)
);
CREATE INDEX worker_failure_by_job ON worker_task_failure (worker_id, job_id, task_type);

-- A worker that failed too many tasks of a job's task type gets no more of them.
CREATE TABLE worker_blocklist (
  worker_id CHAR(24) NOT NULL REFERENCES worker (id),
  job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  task_type VARCHAR(255) NOT NULL,
  created BIGINT NOT NULL,
  PRIMARY KEY (worker_id, job_id, task_type)
);

CREATE INDEX frame_by_state ON frame (state);
