using Sipoi.Domain.Calendario;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Calendario;

public class CronogramaEntidadTests
{
    private static readonly ConfiguracionEntidad Config = ConfiguracionEntidad.PorDefecto();

    private static EntradaHito Fila(string? nombre, string? tipo, string? referencia, string? inicio, string? fecha) =>
        new(nombre, tipo, referencia, inicio, fecha);

    private static IReadOnlyList<ProblemaHito> Problemas(params EntradaHito[] filas) => CronogramaEntidad.Validar(2025, filas).Problemas;

    [Fact]
    public void Validar_FilasCorrectas_DevuelveLosDatosNormalizados()
    {
        var (datos, problemas) = CronogramaEntidad.Validar(2025,
        [
            Fila(" Evaluación I Semestre ", "evaluacion", "s1", null, "31/07/2025"),
            Fila(null, "otro", null, null, null),
            Fila("Formulación POI 2026: propuesta de los centros", "formulacion", "propuesta", "2025-04-01", "2025-04-30"),
        ]);
        Assert.Empty(problemas);
        Assert.Equal(new DatosHito("Evaluación I Semestre", TipoHito.Evaluacion, "S1", null, new DateOnly(2025, 7, 31)), datos[0]);
        Assert.Null(datos[1]);
        Assert.Equal(new DateOnly(2025, 4, 1), datos[2]!.FechaInicio);
        Assert.Equal("propuesta", datos[2]!.Referencia);
    }

    [Fact]
    public void Validar_NombreObligatorio_NombraLaFilaYElCampo()
    {
        var p = Assert.Single(Problemas(Fila("", "evaluacion", "T1", null, "30/04/2025")));
        Assert.Equal((0, "Nombre", "Fila 1: el nombre del hito es obligatorio."), (p.Indice, p.Campo, p.Mensaje));
    }

    [Fact]
    public void Validar_FechaFueraDelCiclo_SeRechaza()
    {
        var p = Assert.Single(Problemas(Fila("Evaluación anual", "evaluacion", "ANUAL", null, "15/04/2026")));
        Assert.Equal("Fecha", p.Campo);
        Assert.Equal("Fila 1 («Evaluación anual»): la fecha 15/04/2026 está fuera del calendario 2025 (del 01/01/2025 al 31/03/2026).", p.Mensaje);
    }

    [Fact]
    public void Validar_FechaMalEscrita_PideDdMmAaaa()
    {
        var p = Assert.Single(Problemas(Fila("Evaluación I Trimestre", "evaluacion", "T1", null, "31/02/2025")));
        Assert.Equal("Fila 1 («Evaluación I Trimestre»): la fecha «31/02/2025» no es una fecha válida (use dd/mm/aaaa).", p.Mensaje);
    }

    [Fact]
    public void Validar_InicioPosteriorALaFecha_SeRechaza()
    {
        var p = Assert.Single(Problemas(Fila("Registro I Trimestre", "registro", "T1", "20/04/2025", "10/04/2025")));
        Assert.Equal(("Inicio", "Fila 1 («Registro I Trimestre»): la fecha de inicio (20/04/2025) es posterior a la fecha del hito (10/04/2025)."), (p.Campo, p.Mensaje));
    }

    [Fact]
    public void Validar_NombreRepetido_NombraLaOtraFila()
    {
        var problemas = Problemas(Fila("Evaluación I Trimestre", "evaluacion", "T1", null, "30/04/2025"),
            Fila("evaluación i trimestre", "otro", null, null, "30/05/2025"));
        Assert.Equal("Fila 2 («evaluación i trimestre»): el nombre se repite en la fila 1.", Assert.Single(problemas).Mensaje);
    }

    [Fact]
    public void Validar_DosEvaluacionesDelMismoPeriodo_SeRechazan()
    {
        var problemas = Problemas(Fila("Evaluación I Semestre", "evaluacion", "S1", null, "31/07/2025"),
            Fila("Segunda evaluación", "evaluacion", "s1", null, "15/08/2025"));
        var p = Assert.Single(problemas);
        Assert.Equal(1, p.Indice);
        Assert.Equal("Fila 2 («Segunda evaluación»): ya hay un hito de evaluación para el periodo I Semestre en la fila 1.", p.Mensaje);
    }

    [Fact]
    public void Validar_ReferenciaSegunElTipo()
    {
        Assert.Equal("Fila 1 («A»): el periodo «M05» no es válido; use T1–T4, S1, S2 o ANUAL.",
            Assert.Single(Problemas(Fila("A", "evaluacion", "M05", null, "30/06/2025"))).Mensaje);
        Assert.Equal("Fila 1 («B»): la etapa «final» no existe; use necesidades, propuesta, presupuesto, aprobacion.",
            Assert.Single(Problemas(Fila("B", "formulacion", "final", null, "30/06/2025"))).Mensaje);
        Assert.Equal("Fila 1 («C»): un hito de tipo «otro» no se refiere a un periodo ni a una etapa; deje la referencia vacía.",
            Assert.Single(Problemas(Fila("C", "otro", "T1", null, "30/06/2025"))).Mensaje);
        Assert.Equal("Fila 1 («D»): el tipo «feriado» no existe.",
            Assert.Single(Problemas(Fila("D", "feriado", null, null, "30/06/2025"))).Mensaje);
    }

    [Fact]
    public void Validar_UnaFilaMala_NoDevuelveDatos()
    {
        var (datos, problemas) = CronogramaEntidad.Validar(2025,
            [Fila("Bien", "otro", null, null, "01/06/2025"), Fila("Mal", "otro", null, null, "")]);
        Assert.Empty(datos);
        Assert.Equal("Fila 2 («Mal»): la fecha es obligatoria.", Assert.Single(problemas).Mensaje);
    }

    [Fact]
    public void Habitual_EsValidoYSigueLaDirectiva()
    {
        var habitual = CronogramaEntidad.Habitual(2025, Config);
        var filas = habitual.Select(h => new EntradaHito(h.Nombre, h.Tipo.Codigo(), h.Referencia,
            h.FechaInicio is { } i ? HitoCalendario.Texto(i) : null, HitoCalendario.Texto(h.Fecha))).ToList();
        Assert.Empty(CronogramaEntidad.Validar(2025, filas).Problemas);
        var registroI = habitual.Single(h => h.Nombre == "Registro de avances I Trimestre");
        // The quarter's closing date is the monitoring rule's (last month + DiasCierre), never retyped here.
        Assert.Equal(new DateOnly(2025, 4, 10), registroI.Fecha);
        Assert.Equal(new DateOnly(2026, 1, 10), habitual.Single(h => h.Referencia == "T4" && h.Tipo == TipoHito.Registro).Fecha);
        Assert.Equal(new DateOnly(2025, 7, 31), habitual.Single(h => h.Nombre == "Evaluación I Semestre").Fecha);
        Assert.Equal(new DateOnly(2026, 1, 31), habitual.Single(h => h.Nombre == "Evaluación anual").Fecha);
        var propuesta = habitual.Single(h => h.Nombre == "Formulación POI 2026: propuesta de los centros");
        Assert.Equal((TipoHito.Formulacion, "propuesta", new DateOnly(2025, 4, 30)), (propuesta.Tipo, propuesta.Referencia, propuesta.Fecha));
    }

    [Fact]
    public void Habitual_RespetaLosDiasDeCierreDeLaEntidad()
    {
        var habitual = CronogramaEntidad.Habitual(2025, Config with { DiasCierre = 5 });
        Assert.Equal(new DateOnly(2025, 4, 5), habitual.Single(h => h.Referencia == "T1" && h.Tipo == TipoHito.Registro).Fecha);
    }

    [Fact]
    public void Faltantes_NoReemplazaLoQueLaOficinaEscribio()
    {
        var habitual = CronogramaEntidad.Habitual(2025, Config);
        var propia = new DatosHito("Primera evaluación", TipoHito.Evaluacion, "T1", null, new DateOnly(2025, 5, 15));
        var faltan = CronogramaEntidad.Faltantes(habitual, [propia]);
        Assert.Equal(habitual.Count - 1, faltan.Count);
        Assert.DoesNotContain(faltan, h => h.Tipo == TipoHito.Evaluacion && h.Referencia == "T1");
        Assert.Empty(CronogramaEntidad.Faltantes(habitual, habitual));
    }

    [Fact]
    public void PlazoPropuestas_EsElHitoDelCicloAnterior()
    {
        var hitos = CronogramaEntidad.Habitual(2025, Config).Select(d => new HitoCalendario(1, 2025, d)).ToList();
        Assert.Equal(new DateOnly(2025, 4, 30), CronogramaEntidad.PlazoPropuestas(2026, hitos)!.Fecha);
        Assert.Null(CronogramaEntidad.PlazoPropuestas(2025, hitos));
    }
}
