using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Tests.Seguimiento.Datos;

namespace Sipoi.Domain.Tests.Seguimiento;

/// <summary>The quarterly reporting rhythm (DOMAIN.md §3): deadlines after the quarter, the quarter submitted and reviewed whole.</summary>
public class TrimestreTests
{
    private static readonly ConfiguracionEntidad Trimestral = Config with { Ritmo = RitmoReporte.Trimestral };

    private static SeguimientoMensual Mes(int mes, int anio = 2025) => new(1, 3, anio, 7, mes);

    private static List<MesDelTrimestre> Primer(params ActividadDelMes[][] actividades) =>
        [.. Enumerable.Range(1, 3).Select(m => new MesDelTrimestre(Mes(m), actividades.Length >= m ? actividades[m - 1] : []))];

    [Fact]
    public void Plazo_Trimestral_CierraLosTresMesesDiezDiasDespuesDelTrimestre()
    {
        var cierres = Enumerable.Range(1, 3).Select(m => Plazos.Cierre(new MesDelAnio(2025, m), Trimestral)).Distinct();
        Assert.Equal([Dia(2025, 4, 10)], cierres);
        Assert.Equal(Dia(2025, 7, 10), Plazos.Cierre(new MesDelAnio(2025, 5), Trimestral));
        Assert.Equal(Dia(2026, 1, 10), Plazos.Cierre(new MesDelAnio(2025, 10), Trimestral));
    }

    [Fact]
    public void Plazo_Mensual_SigueCerrandoCadaMes() =>
        Assert.Equal(Dia(2025, 2, 10), Plazos.Cierre(new MesDelAnio(2025, 1), Config));

    [Fact]
    public void Plazo_Trimestral_UsaLosDiasDeCierreDeLaEntidad() =>
        Assert.Equal(Dia(2025, 4, 15), Plazos.Cierre(new MesDelAnio(2025, 2), Trimestral with { DiasCierre = 15 }));

    [Fact]
    public void Trimestre_EneroSigueEditableHastaElCierreDelTrimestre()
    {
        // Monthly, January 2025 would have closed on 10/02/2025.
        Assert.True(Mes(1).EsEditable(Trimestral, Dia(2025, 4, 10)));
        Assert.Equal("El plazo para registrar enero de 2025 venció el 10/04/2025.", Mes(1).MotivoNoEditable(Trimestral, Dia(2025, 4, 11)));
    }

    [Fact]
    public void Enviar_MesUnoDelTrimestreSolo_SeRechaza()
    {
        var s = Mes(1);
        Rechazo.Con(() => s.Enviar([], Trimestral, "operador", En(2025, 4, 2)),
            "El seguimiento de enero de 2025 no se puede enviar solo: la entidad reporta por trimestre; guarde sus valores y envíe el " +
            "I trimestre de 2025 (enero a marzo) completo desde marzo de 2025.");
        Assert.Equal(EstadoSeguimiento.Pendiente, s.Estado);
    }

    [Fact]
    public void EnvioTrimestral_DesdeUnMesQueNoCierraElTrimestre_SeRechaza() =>
        Rechazo.Con(() => EnvioTrimestral.Enviar(new MesDelAnio(2025, 2), Primer(), Trimestral, "operador", En(2025, 4, 2)),
            "El seguimiento de febrero de 2025 no se puede enviar solo: la entidad reporta por trimestre; guarde sus valores y envíe el " +
            "I trimestre de 2025 (enero a marzo) completo desde marzo de 2025.");

    [Fact]
    public void EnvioTrimestral_DesdeMarzo_EnviaLosTresMeses()
    {
        var meses = Primer([Ao("AO-01", 10, 10)], [Ao("AO-01", 10, 10)], [Ao("AO-01", 10, 10)]);
        var enviados = EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), meses, Trimestral, "operador", En(2025, 4, 2));
        Assert.Equal([1, 2, 3], enviados.Select(m => m.Mes));
        Assert.All(meses, m => Assert.Equal(EstadoSeguimiento.Enviado, m.Seguimiento.Estado));
        Assert.All(meses, m => Assert.Equal("operador", m.Seguimiento.EnviadoPor));
    }

    [Fact]
    public void EnvioTrimestral_ConProblemasEnVariosMeses_LosListaTodosYNoEnviaNinguno()
    {
        var meses = Primer([Ao("AO-01", 10, null)], [Ao("AO-01", 10, 10)], [Ao("AO-02", 10, 5)]);
        var e = Rechazo.Con(() => EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), meses, Trimestral, "operador", En(2025, 4, 2)),
            "No se puede enviar el I trimestre de 2025 (enero a marzo); corrija lo siguiente:\n" +
            "- Actividad AO-01, enero de 2025: falta registrar la ejecución física (meta del mes: 10).\n" +
            "- Actividad AO-02, marzo de 2025: faltan los logros: la ejecución es 50.00 % de la meta, debajo de la tolerancia de 85 %.\n" +
            "- Actividad AO-02, marzo de 2025: faltan las dificultades: la ejecución es 50.00 % de la meta, debajo de la tolerancia de 85 %.\n" +
            "- Actividad AO-02, marzo de 2025: faltan las medidas correctivas: la ejecución es 50.00 % de la meta, debajo de la tolerancia de 85 %.");
        Assert.All(meses, m => Assert.Equal(EstadoSeguimiento.Pendiente, m.Seguimiento.Estado));
        Assert.Equal(4, EnvioTrimestral.Problemas(meses, Trimestral).Count);
    }

    [Fact]
    public void EnvioTrimestral_AntesDeQueTermineElTrimestre_SeRechaza() =>
        Rechazo.Con(() => EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), Primer(), Trimestral, "operador", En(2025, 3, 30)),
            "El I trimestre de 2025 (enero a marzo) se envía desde el último día del trimestre (31/03/2025).");

    [Fact]
    public void EnvioTrimestral_DespuesDelPlazo_SeRechaza() =>
        Rechazo.Con(() => EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), Primer(), Trimestral, "operador", En(2025, 4, 11)),
            "El plazo para registrar enero de 2025 venció el 10/04/2025. El plazo para registrar febrero de 2025 venció el 10/04/2025. " +
            "El plazo para registrar marzo de 2025 venció el 10/04/2025.");

    [Fact]
    public void EnvioTrimestral_EntidadMensual_SeRechaza() =>
        Rechazo.Con(() => EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), Primer(), Config, "operador", En(2025, 4, 2)),
            "La entidad reporta mes a mes: envíe cada mes por separado.");

    [Fact]
    public void EnvioTrimestral_ReenvioTrasObservacion_SoloEnviaLosMesesDevueltos()
    {
        var meses = Primer();
        EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), meses, Trimestral, "operador", En(2025, 4, 2));
        RevisionTrimestral.Revisar(meses.Select(m => m.Seguimiento).ToList(), RevisionTrimestral.Accion.Observar, "Falta el acta", Trimestral,
            "planificador", En(2025, 4, 3));
        Assert.All(meses, m => Assert.Equal(EstadoSeguimiento.Observado, m.Seguimiento.Estado));
        var otra = EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), meses, Trimestral, "operador", En(2025, 4, 4));
        Assert.Equal(3, otra.Count);
        Rechazo.Con(() => EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), meses, Trimestral, "operador", En(2025, 4, 5)),
            "El I trimestre de 2025 (enero a marzo) ya fue enviado: no queda ningún mes pendiente u observado.");
    }

    [Fact]
    public void RevisionTrimestral_Aprobar_ApruebaLosTresMeses()
    {
        var meses = Primer();
        EnvioTrimestral.Enviar(new MesDelAnio(2025, 3), meses, Trimestral, "operador", En(2025, 4, 2));
        var aprobados = RevisionTrimestral.Revisar(meses.Select(m => m.Seguimiento).ToList(), RevisionTrimestral.Accion.Aprobar, null, Trimestral,
            "planificador", En(2025, 4, 5));
        Assert.Equal(3, aprobados.Count);
        Assert.All(meses, m => Assert.Equal(EstadoSeguimiento.Aprobado, m.Seguimiento.Estado));
    }

    [Fact]
    public void RevisionTrimestral_SinMesesEnviados_SeRechaza() =>
        Rechazo.Con(() => RevisionTrimestral.Revisar(Primer().Select(m => m.Seguimiento).ToList(), RevisionTrimestral.Accion.Aprobar, null, Trimestral,
                "planificador", En(2025, 4, 5)),
            "No hay meses del I trimestre de 2025 (enero a marzo) esperando la revisión de la Oficina de Planeamiento.");

    [Fact]
    public void Tablero_Trimestre_TomaElMesMenosAvanzado()
    {
        Assert.Equal(EstadoTablero.Pendiente, TableroEntregas.EstadoTrimestre([EstadoTablero.Aprobado, EstadoTablero.Pendiente, EstadoTablero.Enviado]));
        Assert.Equal(EstadoTablero.Atrasado, TableroEntregas.EstadoTrimestre([EstadoTablero.Aprobado, EstadoTablero.Atrasado, EstadoTablero.Observado]));
        Assert.Equal(EstadoTablero.Aprobado, TableroEntregas.EstadoTrimestre([EstadoTablero.Aprobado, EstadoTablero.Aprobado, EstadoTablero.Aprobado]));
    }

    [Fact]
    public void Configuracion_RitmoNoDefinido_SeRechaza()
    {
        var p = Assert.Single((Config with { Ritmo = (RitmoReporte)9 }).Validar());
        Assert.Equal("ritmoReporte", p.Campo);
        Assert.Equal("Ritmo de reporte: debe ser mensual o trimestral.", p.Mensaje);
    }
}
