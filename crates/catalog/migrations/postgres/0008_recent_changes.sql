-- The feeds list the entries changed last: newest first without reading every row.
CREATE INDEX software_updated ON software (updated_at, id);
