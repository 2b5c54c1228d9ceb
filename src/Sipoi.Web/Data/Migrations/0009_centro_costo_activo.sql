-- A cost centre can be deactivated (closed or merged office) instead of deleted: its activities, monitoring,
-- evidence and audit rows of past years keep pointing at it (Pages/Administracion/README.md).
ALTER TABLE centro_costo ADD activo boolean NOT NULL DEFAULT true;
