-- The embedded farm's tables. Plain SQL that SQLite, H2 and PostgreSQL all accept.
-- "group" and "user" are reserved words, hence folder and owner_name.

CREATE TABLE show (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  active BOOLEAN NOT NULL,
  created_job_count BIGINT NOT NULL,
  created_frame_count BIGINT NOT NULL
);

CREATE TABLE folder (
  id VARCHAR(36) PRIMARY KEY,
  show_id VARCHAR(36) NOT NULL REFERENCES show (id),
  name VARCHAR(255) NOT NULL,
  parent_id VARCHAR(36) REFERENCES folder (id),
  level INTEGER NOT NULL
);

CREATE TABLE job (
  id VARCHAR(36) PRIMARY KEY,
  show_id VARCHAR(36) NOT NULL REFERENCES show (id),
  folder_id VARCHAR(36) NOT NULL REFERENCES folder (id),
  name VARCHAR(512) NOT NULL,
  shot VARCHAR(255) NOT NULL,
  owner_name VARCHAR(255) NOT NULL,
  facility VARCHAR(255) NOT NULL,
  os VARCHAR(255) NOT NULL,
  uid INTEGER,
  priority INTEGER NOT NULL,
  max_retries INTEGER NOT NULL,
  max_cores INTEGER,
  auto_eat BOOLEAN NOT NULL,
  paused BOOLEAN NOT NULL,
  killed BOOLEAN NOT NULL,
  state VARCHAR(16) NOT NULL,
  log_dir VARCHAR(1024) NOT NULL,
  environment TEXT NOT NULL,
  start_time BIGINT NOT NULL,
  stop_time BIGINT NOT NULL
);
CREATE INDEX job_by_name ON job (name);
CREATE INDEX job_by_state ON job (state);

CREATE TABLE layer (
  id VARCHAR(36) PRIMARY KEY,
  job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  name VARCHAR(255) NOT NULL,
  layer_type VARCHAR(16) NOT NULL,
  command TEXT NOT NULL,
  frame_range TEXT NOT NULL,
  chunk_size INTEGER NOT NULL,
  cores INTEGER NOT NULL,
  threadable BOOLEAN NOT NULL,
  memory_kib BIGINT NOT NULL,
  gpus INTEGER NOT NULL,
  gpu_memory_kib BIGINT NOT NULL,
  timeout_minutes INTEGER NOT NULL,
  timeout_llu_minutes INTEGER NOT NULL,
  tags TEXT NOT NULL,
  services TEXT NOT NULL,
  limits TEXT NOT NULL,
  environment TEXT NOT NULL,
  dispatch_order INTEGER NOT NULL,
  UNIQUE (job_id, name)
);

CREATE TABLE frame (
  id VARCHAR(36) PRIMARY KEY,
  job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  layer_id VARCHAR(36) NOT NULL REFERENCES layer (id),
  name VARCHAR(255) NOT NULL,
  number INTEGER NOT NULL,
  chunk_end INTEGER NOT NULL,
  frame_spec TEXT NOT NULL,
  state VARCHAR(16) NOT NULL,
  depend_count INTEGER NOT NULL,
  retry_count INTEGER NOT NULL,
  exit_status INTEGER NOT NULL,
  dispatch_order INTEGER NOT NULL,
  start_time BIGINT NOT NULL,
  stop_time BIGINT NOT NULL,
  UNIQUE (layer_id, name)
);
CREATE INDEX frame_by_job ON frame (job_id, dispatch_order);

-- A dependency that holds frames in DEPEND. LAYER_ON_LAYER: one row, satisfied when every frame of
-- on_layer_id is done. FRAME_BY_FRAME: one row per depending frame, satisfied when on_frame_id is.
CREATE TABLE depend (
  id VARCHAR(36) PRIMARY KEY,
  depend_type VARCHAR(32) NOT NULL,
  active BOOLEAN NOT NULL,
  er_layer_id VARCHAR(36) NOT NULL REFERENCES layer (id),
  er_frame_id VARCHAR(36) REFERENCES frame (id),
  on_layer_id VARCHAR(36) NOT NULL REFERENCES layer (id),
  on_frame_id VARCHAR(36) REFERENCES frame (id)
);
CREATE INDEX depend_on_layer ON depend (on_layer_id, active);
CREATE INDEX depend_on_frame ON depend (on_frame_id, active);

CREATE TABLE job_comment (
  id VARCHAR(36) PRIMARY KEY,
  job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  created BIGINT NOT NULL,
  author VARCHAR(255) NOT NULL,
  subject TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX comment_by_job ON job_comment (job_id, created);

-- OpenCue installs come with the show "testing"; scripts and CueWeb's examples expect it.
INSERT INTO show (id, name, active, created_job_count, created_frame_count)
  VALUES ('00000000-0000-0000-0000-000000000000', 'testing', TRUE, 0, 0);
INSERT INTO folder (id, show_id, name, parent_id, level)
  VALUES ('A0000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000',
          'testing', NULL, 0);
