-- Publishing an evaluation whose period still has centre-months not approved (issue 13, item 3): how many
-- were missing and the reason the planning office gave, frozen with the publication and shown on the public page.
ALTER TABLE evaluacion_poi
    ADD meses_centro_sin_aprobar integer NULL,
    ADD motivo_publicacion_incompleta character varying(500) NULL;
