-- Notices of the entity's calendar (issue 13 item 9, src/Sipoi.Domain/Avisos/README.md): two new kinds a user can
-- opt out of. Existing preferences keep receiving them (true), as a user without preferences does.
ALTER TABLE preferencias_aviso ADD hito_calendario boolean NOT NULL DEFAULT true;
ALTER TABLE preferencias_aviso ADD propuesta_pendiente boolean NOT NULL DEFAULT true;
