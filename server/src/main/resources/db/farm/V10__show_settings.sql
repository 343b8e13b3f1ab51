-- What CueWeb's show, subscription and task dialogs set on a show. Cores are in hundredths of a
-- core, as Cuebot stores them.

-- The address that hears of new comments on the show's jobs (Show.comment_email).
ALTER TABLE show ADD COLUMN comment_email VARCHAR(1024) NOT NULL DEFAULT '';

-- A show's subscription to local.general once it has been changed. A show without a row has the
-- default one, whose size and burst are every core of the allocation; a deleted subscription
-- keeps its row with deleted TRUE until it is created again.
CREATE TABLE show_subscription (
  show_id VARCHAR(36) PRIMARY KEY REFERENCES show (id),
  size_cores INTEGER NOT NULL,
  burst_cores INTEGER NOT NULL,
  deleted BOOLEAN NOT NULL
);

-- A department's settings in a show (Cuebot's "point"): managed by a TI task or not, and the
-- cores it manages. A department without a row is not managed and manages 0 cores.
CREATE TABLE department_point (
  show_id VARCHAR(36) NOT NULL REFERENCES show (id),
  dept VARCHAR(255) NOT NULL,
  ti_managed BOOLEAN NOT NULL,
  ti_task VARCHAR(255) NOT NULL,
  managed_cores INTEGER NOT NULL,
  PRIMARY KEY (show_id, dept)
);

-- A department's task for one shot: its minimum cores and, on a managed department, the
-- adjustment made to them by hand.
CREATE TABLE department_task (
  id VARCHAR(36) PRIMARY KEY,
  show_id VARCHAR(36) NOT NULL REFERENCES show (id),
  dept VARCHAR(255) NOT NULL,
  shot VARCHAR(255) NOT NULL,
  min_cores INTEGER NOT NULL,
  adjust_cores INTEGER NOT NULL,
  UNIQUE (show_id, dept, shot)
);
