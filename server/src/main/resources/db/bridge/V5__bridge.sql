-- The OpenCue bridge (RQD_BRIDGE): frames that a Cuebot launched on CueGate's virtual render host
-- are stored as jobs, layers and frames of the farm, so the worker protocol hands them out as it
-- does the embedded farm's own. Such jobs are "external": Cuebot owns their retries and states.

ALTER TABLE job ADD COLUMN external BOOLEAN NOT NULL DEFAULT FALSE;

-- An external frame's command and environment arrive final from Cuebot (tokens replaced), so they
-- are stored with the frame instead of being derived from its layer. NULL for the farm's frames.
ALTER TABLE frame ADD COLUMN command TEXT;
ALTER TABLE frame ADD COLUMN environment TEXT;

-- One row per frame Cuebot launched here, from the launch until Cuebot took its completion.
CREATE TABLE bridge_frame (
  frame_id VARCHAR(36) PRIMARY KEY REFERENCES frame (id),
  -- The RunFrame as Cuebot sent it (protobuf, base64): its ids are echoed in every report.
  run_frame TEXT NOT NULL,
  -- running: listed in status reports; ended: its completion waits to be delivered.
  state VARCHAR(16) NOT NULL,
  exit_status INTEGER NOT NULL,
  exit_signal INTEGER NOT NULL,
  -- Epoch milliseconds of the launch and of the end (0 while running).
  launched BIGINT NOT NULL,
  ended BIGINT NOT NULL
);
CREATE INDEX bridge_frame_by_state ON bridge_frame (state);
