-- Server-side sessions (Seguridad/Sesiones.cs): the cookie carries only the id, looked up on every request,
-- so log-out, a password change or reset and a deactivation end a session at once, copied cookies included.
CREATE TABLE sesion (
    id uuid NOT NULL,
    usuario_id integer NOT NULL,
    entidad_id integer NOT NULL,
    creada timestamp with time zone NOT NULL,
    ultimo_uso timestamp with time zone NOT NULL,
    CONSTRAINT pk_sesion PRIMARY KEY (id),
    CONSTRAINT fk_sesion_entidad_entidad_id FOREIGN KEY (entidad_id) REFERENCES entidad (id) ON DELETE CASCADE,
    CONSTRAINT fk_sesion_usuario_usuario_id FOREIGN KEY (usuario_id) REFERENCES usuario (id) ON DELETE CASCADE
);

CREATE INDEX ix_sesion_entidad_id ON sesion (entidad_id);
CREATE INDEX ix_sesion_usuario_id ON sesion (usuario_id);
