-- Scheduling settings that decide what workers are given (docs/EMBEDDED-FARM.md, "Scheduling").
-- Cores are in hundredths of a core and memory in KiB, as in OpenCue.

-- A show's defaults for its new jobs, and whether its frames may be booked and dispatched.
ALTER TABLE show ADD COLUMN default_min_cores INTEGER NOT NULL DEFAULT 100;
ALTER TABLE show ADD COLUMN default_max_cores INTEGER NOT NULL DEFAULT 20000;
ALTER TABLE show ADD COLUMN booking_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE show ADD COLUMN dispatch_enabled BOOLEAN NOT NULL DEFAULT TRUE;

-- job.max_cores held whole cores as the spec writes them; from here on it holds hundredths.
UPDATE job SET max_cores = max_cores * 100 WHERE max_cores IS NOT NULL;
ALTER TABLE job ADD COLUMN min_cores INTEGER NOT NULL DEFAULT 100;
ALTER TABLE job ADD COLUMN min_gpus INTEGER NOT NULL DEFAULT 0;
-- NULL: no cap.
ALTER TABLE job ADD COLUMN max_gpus INTEGER;

-- Epoch seconds before which the layer's frames are not dispatched; 0 for none.
ALTER TABLE layer ADD COLUMN start_after BIGINT NOT NULL DEFAULT 0;
-- The service that gave the layer its defaults when the spec named one that exists; '' else.
ALTER TABLE layer ADD COLUMN service VARCHAR(255) NOT NULL DEFAULT '';

-- Licence seats and the like: at most max_value frames of layers naming the limit run at once.
CREATE TABLE farm_limit (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  max_value INTEGER NOT NULL
);

-- Services: what a layer gets when its spec leaves a setting out. show_id NULL: the farm-wide
-- service; else the show's override of the farm-wide service of the same name.
CREATE TABLE farm_service (
  id VARCHAR(36) PRIMARY KEY,
  show_id VARCHAR(36) REFERENCES show (id),
  name VARCHAR(255) NOT NULL,
  threadable BOOLEAN NOT NULL,
  min_cores INTEGER NOT NULL,
  max_cores INTEGER NOT NULL,
  min_memory_kib BIGINT NOT NULL,
  min_gpu_memory_kib BIGINT NOT NULL,
  tags TEXT NOT NULL,
  timeout_minutes INTEGER NOT NULL,
  timeout_llu_minutes INTEGER NOT NULL,
  min_gpus INTEGER NOT NULL,
  max_gpus INTEGER NOT NULL,
  min_memory_increase_kib BIGINT NOT NULL
);
CREATE INDEX farm_service_by_name ON farm_service (name, show_id);

-- OpenCue's default service, with what a layer got before services were kept: 1 core, 4 GiB.
INSERT INTO farm_service (id, show_id, name, threadable, min_cores, max_cores, min_memory_kib,
    min_gpu_memory_kib, tags, timeout_minutes, timeout_llu_minutes, min_gpus, max_gpus,
    min_memory_increase_kib)
  VALUES ('ef7a02e0-dd99-3b76-817c-4b61e9b1e9c6', NULL, 'default', FALSE, 100, 0, 4194304, 0,
          '[]', 0, 0, 0, 0, 0);
