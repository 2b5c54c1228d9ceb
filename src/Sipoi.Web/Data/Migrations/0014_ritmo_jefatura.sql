-- Reporting rhythm and second reviewer (issue 13, items 1 and 6): the entity settings, who validated a month,
-- and which users head which cost centres. Existing entities keep today's behaviour (monthly, no head validation).
ALTER TABLE entidad ADD COLUMN ritmo_reporte character varying(20) NOT NULL DEFAULT 'Mensual';
ALTER TABLE entidad ADD COLUMN validacion_jefatura boolean NOT NULL DEFAULT false;

ALTER TABLE seguimiento_mensual ADD COLUMN validado_por character varying(256);
ALTER TABLE seguimiento_mensual ADD COLUMN validado_en timestamp with time zone;

-- Sipoi.Web.Seguimiento.JefaturaCentro
CREATE TABLE jefatura_centro (
    usuario_id integer NOT NULL,
    centro_costo_id integer NOT NULL,
    entidad_id integer NOT NULL,
    CONSTRAINT pk_jefatura_centro PRIMARY KEY (usuario_id, centro_costo_id),
    CONSTRAINT fk_jefatura_centro_centro_costo_centro_costo_id FOREIGN KEY (centro_costo_id) REFERENCES centro_costo (id) ON DELETE RESTRICT,
    CONSTRAINT fk_jefatura_centro_entidad_entidad_id FOREIGN KEY (entidad_id) REFERENCES entidad (id) ON DELETE CASCADE,
    CONSTRAINT fk_jefatura_centro_usuario_usuario_id FOREIGN KEY (usuario_id) REFERENCES usuario (id) ON DELETE CASCADE
);

CREATE INDEX ix_jefatura_centro_centro_costo_id ON jefatura_centro (centro_costo_id);
CREATE INDEX ix_jefatura_centro_entidad_id ON jefatura_centro (entidad_id);
