-- What GroupInterface's setters store on a group, -1 where never set, as Cuebot keeps them. Cores
-- are in hundredths of a core. The job_ ones are given to the jobs that join the group; the others
-- describe the group's jobs together.
ALTER TABLE folder ADD COLUMN job_priority INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN job_min_cores INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN job_max_cores INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN job_min_gpus INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN job_max_gpus INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN min_cores INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN max_cores INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN min_gpus INTEGER NOT NULL DEFAULT -1;
ALTER TABLE folder ADD COLUMN max_gpus INTEGER NOT NULL DEFAULT -1;
