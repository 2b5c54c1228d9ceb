using Sipoi.Web.Avisos;

namespace Sipoi.Web.Auditoria;

/// <summary>
/// How the audit page writes a stored enum value (registro_auditoria keeps the member name, «EnImplementacion»): by the
/// Spanish name the pages give it («En implementación»), through the domain's own <c>Nombre()</c> where it has one. A
/// member this class does not name is shown as stored (<see cref="Nombre"/> answers null): a new enum is shown, never
/// hidden; <c>AuditoriaLegibleTests</c> checks every enum column of the model is named here.
/// </summary>
public static class ValoresEnumerados
{
    private static readonly Dictionary<Type, Func<Enum, string>> Nombres = new()
    {
        [typeof(AccionAuditada)] = e => Accion((AccionAuditada)e),
        [typeof(EstadoSeguimiento)] = e => ((EstadoSeguimiento)e).Nombre(),
        [typeof(Comportamiento)] = e => ((Comportamiento)e).Nombre(),
        [typeof(TipoHito)] = e => ((TipoHito)e).Nombre(),
        [typeof(EtapaFormulacion)] = e => ((EtapaFormulacion)e).Nombre(),
        [typeof(EstadoFormulacion)] = e => ((EstadoFormulacion)e).Nombre(),
        [typeof(EstadoValorIndicador)] = e => ((EstadoValorIndicador)e).Nombre(),
        [typeof(NivelPlanGobierno)] = e => ((NivelPlanGobierno)e).Nombre(),
        [typeof(TipoEvidencia)] = e => ((TipoEvidencia)e).Nombre(),
        [typeof(EstadoRecomendacion)] = e => ((EstadoRecomendacion)e).Nombre(),
        [typeof(TipoAviso)] = e => ((TipoAviso)e).Nombre(),
        [typeof(PeriodoIndicador)] = e => (PeriodoIndicador)e switch
        {
            PeriodoIndicador.Semestre1 => "I semestre",
            PeriodoIndicador.Semestre2 => "II semestre",
            _ => "Anual",
        },
        // The scheme's default labels; an entity may rename them (ConfiguracionEvaluacion), the log keeps the band.
        [typeof(Banda)] = e => (Banda)e switch
        {
            Banda.Bajo => "Bajo",
            Banda.Medio => "Medio",
            _ => "Alto",
        },
        [typeof(MetodoEvaluacion)] = e => (MetodoEvaluacion)e == MetodoEvaluacion.Ponderado ? "Ponderado por fichas de proceso" : "CEPLAN",
        [typeof(RitmoReporte)] = e => (RitmoReporte)e == RitmoReporte.Trimestral ? "Trimestral" : "Mensual",
        [typeof(TipoLineaPresupuesto)] = e => (TipoLineaPresupuesto)e == TipoLineaPresupuesto.Ingreso ? "Ingreso" : "Egreso",
        [typeof(Sentido)] = e => (Sentido)e switch
        {
            Sentido.Ascendente => "Ascendente",
            Sentido.Descendente => "Descendente",
            _ => "No definido",
        },
        [typeof(EstadoPei)] = e => (EstadoPei)e switch
        {
            EstadoPei.RegistroIniciado => "Registro iniciado",
            EstadoPei.Registrado => "Registrado",
            EstadoPei.EnImplementacion => "En implementación",
            _ => "Finalizado",
        },
        [typeof(TipoVersionPoi)] = e => (TipoVersionPoi)e switch
        {
            TipoVersionPoi.Multianual => "Multianual",
            TipoVersionPoi.Anual => "Anual",
            _ => "Modificado",
        },
        [typeof(EstadoVersionPoi)] = e => (EstadoVersionPoi)e == EstadoVersionPoi.Aprobada ? "Aprobada" : "Borrador",
        [typeof(TipoActividad)] = e => (TipoActividad)e == TipoActividad.Inversion ? "Inversión" : "Actividad operativa (AO)",
        [typeof(TipoIndicadorActividad)] = e => (TipoIndicadorActividad)e == TipoIndicadorActividad.Insumo ? "Insumo" : "Proceso",
        [typeof(RubroBienesServicios)] = e => (RubroBienesServicios)e switch
        {
            RubroBienesServicios.Bienes => "Bienes",
            RubroBienesServicios.Servicios => "Servicios",
            RubroBienesServicios.SinDesagregar => "Sin desagregar",
            _ => "Otra",
        },
        [typeof(FormatoDocumentoOficial)] = e => (FormatoDocumentoOficial)e == FormatoDocumentoOficial.Docx ? "Word (DOCX)" : "PDF",
        [typeof(EstadoFirma)] = e => (EstadoFirma)e switch
        {
            EstadoFirma.Valida => "Firma válida",
            EstadoFirma.ModificadoDespues => "Modificado después de firmar",
            EstadoFirma.IntegridadFallida => "Integridad fallida",
            _ => "No verificable",
        },
        [typeof(EstadoEvaluacionPoi)] = e => (EstadoEvaluacionPoi)e == EstadoEvaluacionPoi.Publicada ? "Publicada" : "En elaboración",
        [typeof(SeccionNarrativa)] = e => (SeccionNarrativa)e switch
        {
            SeccionNarrativa.AnalisisOei => "Análisis por OEI",
            SeccionNarrativa.Conclusiones => "Conclusiones",
            _ => "Recomendaciones",
        },
        [typeof(EstadoAviso)] = e => (EstadoAviso)e switch
        {
            EstadoAviso.Pendiente => "Pendiente",
            EstadoAviso.Enviado => "Enviado",
            _ => "Omitido",
        },
    };

    /// <summary>«Envío», «Aprobación»: a workflow step as the audit page's «Acción» column and the «Última acción» field show it.</summary>
    public static string Accion(AccionAuditada accion) => accion switch
    {
        AccionAuditada.Alta => "Alta",
        AccionAuditada.Cambio => "Cambio",
        AccionAuditada.Baja => "Baja",
        AccionAuditada.Importacion => "Importación",
        AccionAuditada.Envio => "Envío",
        AccionAuditada.Observacion => "Observación",
        AccionAuditada.Aprobacion => "Aprobación",
        AccionAuditada.Reapertura => "Reapertura",
        AccionAuditada.Validacion => "Validación",
        _ => accion.ToString(),
    };

    /// <summary>The Spanish name of <paramref name="codigo"/> (a member name of <paramref name="tipo"/>); null when the type or member is not known here.</summary>
    public static string? Nombre(Type tipo, string codigo) =>
        tipo.IsEnum && Nombres.TryGetValue(tipo, out var nombre) && Enum.TryParse(tipo, codigo, ignoreCase: false, out var valor) && Enum.IsDefined(tipo, valor!)
            ? nombre((Enum)valor!)
            : null;

    /// <summary>Whether every member of <paramref name="tipo"/> has a Spanish name here.</summary>
    public static bool Conoce(Type tipo) => Nombres.ContainsKey(tipo);
}
