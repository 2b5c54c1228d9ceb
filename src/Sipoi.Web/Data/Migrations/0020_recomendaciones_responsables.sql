-- Recommendations follow-up (issue 14 item 1, src/Sipoi.Web/Informes/README.md): a recommendation concerns optionally one
-- OEI or one AEI of the evaluated POI's PEI, and has one or several responsible units and/or an outside body.
-- The single responsible centre of every existing recommendation becomes its one responsible unit; then the old column
-- goes, so the units have one home (no data is lost: the INSERT copies every row before the DROP).
ALTER TABLE recomendacion ADD oei_id integer;
ALTER TABLE recomendacion ADD aei_id integer;
ALTER TABLE recomendacion ADD entidad_externa character varying(500);
ALTER TABLE recomendacion ADD CONSTRAINT ck_recomendacion_oei_o_aei CHECK (oei_id IS NULL OR aei_id IS NULL);
ALTER TABLE recomendacion ADD CONSTRAINT fk_recomendacion_aei_aei_id FOREIGN KEY (aei_id) REFERENCES aei (id) ON DELETE RESTRICT;
ALTER TABLE recomendacion ADD CONSTRAINT fk_recomendacion_oei_oei_id FOREIGN KEY (oei_id) REFERENCES oei (id) ON DELETE RESTRICT;
CREATE INDEX ix_recomendacion_aei_id ON recomendacion (aei_id);
CREATE INDEX ix_recomendacion_oei_id ON recomendacion (oei_id);

CREATE TABLE responsable_recomendacion (
    recomendacion_id integer NOT NULL,
    centro_costo_id integer NOT NULL,
    entidad_id integer NOT NULL,
    CONSTRAINT pk_responsable_recomendacion PRIMARY KEY (recomendacion_id, centro_costo_id),
    CONSTRAINT fk_responsable_recomendacion_centro_costo_centro_costo_id FOREIGN KEY (centro_costo_id) REFERENCES centro_costo (id) ON DELETE RESTRICT,
    CONSTRAINT fk_responsable_recomendacion_entidad_entidad_id FOREIGN KEY (entidad_id) REFERENCES entidad (id) ON DELETE CASCADE,
    CONSTRAINT fk_responsable_recomendacion_recomendacion_recomendacion_id FOREIGN KEY (recomendacion_id) REFERENCES recomendacion (id) ON DELETE CASCADE
);
CREATE INDEX ix_responsable_recomendacion_centro_costo_id ON responsable_recomendacion (centro_costo_id);
CREATE INDEX ix_responsable_recomendacion_entidad_id ON responsable_recomendacion (entidad_id);

INSERT INTO responsable_recomendacion (recomendacion_id, centro_costo_id, entidad_id)
SELECT id, centro_costo_id, entidad_id FROM recomendacion;

-- Drops its foreign key and index with it.
ALTER TABLE recomendacion DROP COLUMN centro_costo_id;
