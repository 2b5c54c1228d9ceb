-- The evaluation report's cover data (issue 14): issuing office, place, the report number's pattern and the three
-- signers (name and position), entity data the planning office writes in Administración › Textos institucionales.
-- Stored with the entity's texts (one row per entity); every field optional (the cover prints a blank line).
ALTER TABLE textos_institucionales ADD oficina_emisora character varying(500);
ALTER TABLE textos_institucionales ADD lugar character varying(500);
ALTER TABLE textos_institucionales ADD patron_numero character varying(500);
ALTER TABLE textos_institucionales ADD elaborado_nombre character varying(500);
ALTER TABLE textos_institucionales ADD elaborado_cargo character varying(500);
ALTER TABLE textos_institucionales ADD revisado_nombre character varying(500);
ALTER TABLE textos_institucionales ADD revisado_cargo character varying(500);
ALTER TABLE textos_institucionales ADD aprobado_nombre character varying(500);
ALTER TABLE textos_institucionales ADD aprobado_cargo character varying(500);
