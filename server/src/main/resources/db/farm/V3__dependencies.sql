-- Dependencies of every kind OpenCue's job specs declare: what waits (a job, a layer or a frame)
-- on what (a job, a layer or a frame). The side that waits names its job, and its layer and
-- frame as far as it goes; so does the side waited on, whose narrowest id says what must be done:
-- on_frame_id that frame, else on_layer_id every frame of the layer (any one of them with
-- any_frame), else every frame of on_job_id. FRAME_BY_FRAME is stored as one frame-on-frame row
-- per waiting frame. Replaces depend, which knew layers and frames only.

CREATE TABLE dependency (
  id VARCHAR(36) PRIMARY KEY,
  depend_type VARCHAR(32) NOT NULL,
  any_frame BOOLEAN NOT NULL,
  active BOOLEAN NOT NULL,
  er_job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  er_layer_id VARCHAR(36) REFERENCES layer (id),
  er_frame_id VARCHAR(36) REFERENCES frame (id),
  on_job_id VARCHAR(36) NOT NULL REFERENCES job (id),
  on_layer_id VARCHAR(36) REFERENCES layer (id),
  on_frame_id VARCHAR(36) REFERENCES frame (id)
);

INSERT INTO dependency (id, depend_type, any_frame, active, er_job_id, er_layer_id, er_frame_id,
    on_job_id, on_layer_id, on_frame_id)
  SELECT d.id, d.depend_type, FALSE, d.active,
         (SELECT l.job_id FROM layer l WHERE l.id = d.er_layer_id), d.er_layer_id, d.er_frame_id,
         (SELECT l.job_id FROM layer l WHERE l.id = d.on_layer_id), d.on_layer_id, d.on_frame_id
    FROM depend d;

DROP TABLE depend;

CREATE INDEX dependency_on_job ON dependency (on_job_id, active);
CREATE INDEX dependency_on_layer ON dependency (on_layer_id, active);
CREATE INDEX dependency_on_frame ON dependency (on_frame_id, active);
