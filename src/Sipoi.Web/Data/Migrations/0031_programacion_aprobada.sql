-- An approved POI version's programming and monthly targets never change (issue 17): approval is one-way, Formulación
-- writes only the draft, and an import replaces a year's versions with new ones. Each node keeps that programming in
-- memory (Seguimiento/ProgramacionDelCentro), so the database refuses what would make a kept copy wrong — and what would
-- silently change approved data:
--   * an UPDATE of a programacion or meta_mensual row of an approved version (at once);
--   * a DELETE of such a row while its approved version stays (checked at commit: deleting a whole version, as a
--     re-import does, deletes its programming first and the version last, in one transaction).
-- Rows are inserted into an approved version only by the transaction that creates it (import, demo, benchmark data).
CREATE FUNCTION programacion_aprobada_sin_cambios() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    versiones integer[];
BEGIN
    IF TG_TABLE_NAME = 'programacion' THEN
        versiones := CASE TG_OP WHEN 'UPDATE' THEN ARRAY[OLD.poi_version_id, NEW.poi_version_id] ELSE ARRAY[OLD.poi_version_id] END;
    ELSE
        SELECT array_agg(p.poi_version_id) INTO versiones FROM programacion p
         WHERE p.id = OLD.programacion_id OR (TG_OP = 'UPDATE' AND p.id = NEW.programacion_id);
    END IF;
    IF EXISTS (SELECT 1 FROM poi_version v WHERE v.id = ANY (versiones) AND v.estado = 'Aprobada') THEN
        RAISE EXCEPTION 'La programación de una versión aprobada del POI no se modifica ni se borra (tabla %, %, versión %).',
            TG_TABLE_NAME, TG_OP, array_to_string(versiones, ', ')
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'UPDATE' THEN NEW ELSE OLD END;
END;
$$;

CREATE TRIGGER programacion_aprobada_sin_actualizar
    BEFORE UPDATE ON programacion
    FOR EACH ROW EXECUTE FUNCTION programacion_aprobada_sin_cambios();

CREATE TRIGGER meta_mensual_aprobada_sin_actualizar
    BEFORE UPDATE ON meta_mensual
    FOR EACH ROW EXECUTE FUNCTION programacion_aprobada_sin_cambios();

CREATE CONSTRAINT TRIGGER programacion_aprobada_sin_borrar
    AFTER DELETE ON programacion DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION programacion_aprobada_sin_cambios();

CREATE CONSTRAINT TRIGGER meta_mensual_aprobada_sin_borrar
    AFTER DELETE ON meta_mensual DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION programacion_aprobada_sin_cambios();
