-- Counting listed entries (in all, and per organisation) reads these small indexes instead of
-- the software table, whose rows hold whole models.
CREATE INDEX software_listed ON software (listed, organisation_id);
CREATE INDEX software_organisation_listed ON software (organisation_id, listed);
