-- Whole-number percentages (issue 14, item 1): an entity option for the Word evaluation report and the monitoring
-- tables. Display only; existing entities keep two decimals.
ALTER TABLE entidad ADD COLUMN porcentajes_enteros boolean NOT NULL DEFAULT false;
