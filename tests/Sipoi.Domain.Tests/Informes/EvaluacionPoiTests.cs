using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Tests.Informes;

public sealed class EvaluacionPoiTests
{
    /// <summary>An evaluation as if saved: ids are the database's, so tests set them the way EF does.</summary>
    internal static EvaluacionPoi Eval(int id, int anio, Periodo periodo, int entidadId = 1)
    {
        var e = new EvaluacionPoi(entidadId, anio, periodo);
        typeof(EvaluacionPoi).GetProperty(nameof(EvaluacionPoi.Id))!.SetValue(e, id);
        return e;
    }

    internal static ArchivoPublicado Archivo() => new(1, "evaluacion.json", "application/json", [0x7b, 0x7d]);

    [Theory]
    [InlineData("A06")]
    [InlineData("M03")]
    public void Periodo_SoloTrimestresSemestresYAnio(string periodo) =>
        Rechazo.Con(() => _ = new EvaluacionPoi(1, 2024, Periodo.Parse(periodo)), $"Periodo no válido: «{periodo}». Use T1…T4, S1, S2 o ANUAL.");

    [Theory]
    [InlineData("T1", "Evaluación I Trimestre 2024")]
    [InlineData("T4", "Evaluación IV Trimestre 2024")]
    [InlineData("S2", "Evaluación II Semestre 2024")]
    [InlineData("ANUAL", "Evaluación Anual 2024")]
    public void Periodo_TrimestresSemestresYAnioSeRegistran(string periodo, string nombre) =>
        Assert.Equal(nombre, new EvaluacionPoi(1, 2024, Periodo.Parse(periodo)).Nombre);

    [Fact]
    public void Orden_PorMesFinalYElPeriodoMasLargoDespues()
    {
        Assert.Equal(["T1", "T2", "S1", "T3", "T4", "S2", "ANUAL"], EvaluacionPoi.OrdenCronologico.Select(p => p.Codigo));
        var orden = new[] { "T1", "T2", "S1", "T3", "T4", "S2", "ANUAL" }.Select(c => EvaluacionPoi.OrdenDe(2024, Periodo.Parse(c))).ToList();
        Assert.Equal(orden.Order(), orden);
        Assert.True(EvaluacionPoi.OrdenDe(2023, Periodo.Anual) < EvaluacionPoi.OrdenDe(2024, Periodo.Trimestre(1)));
        Assert.True(EvaluacionPoi.OrdenDe(2024, Periodo.Anual) < EvaluacionPoi.OrdenDe(2025, Periodo.Trimestre(1)));
    }

    [Fact]
    public void Orden_AnioLuegoSemestresLuegoAnual()
    {
        var orden = new[]
        {
            EvaluacionPoi.OrdenDe(2023, Periodo.Anual), EvaluacionPoi.OrdenDe(2024, Periodo.Semestre(1)),
            EvaluacionPoi.OrdenDe(2024, Periodo.Semestre(2)), EvaluacionPoi.OrdenDe(2024, Periodo.Anual),
            EvaluacionPoi.OrdenDe(2025, Periodo.Semestre(1)),
        };
        Assert.Equal(orden.Order(), orden);
        Assert.Equal(orden.Length, orden.Distinct().Count());
    }

    [Fact]
    public void Publicar_CongelaIgiYArchivos_YNoSePublicaDosVeces()
    {
        var e = Eval(1, 2024, Periodo.Semestre(1));
        var cuando = new DateTimeOffset(2024, 7, 20, 15, 0, 0, TimeSpan.Zero);
        e.Publicar("  Informe N.º 12-2024-OPP ", "planificador", cuando, 91.5m, Banda.Alto, [Archivo()]);
        Assert.True(e.Publicada);
        Assert.Equal("Informe N.º 12-2024-OPP", e.Documento);
        Assert.Equal(91.5m, e.Igi);
        Assert.Equal(Banda.Alto, e.BandaIgi);
        Assert.Single(e.Archivos);
        var otra = Assert.Throws<ReglaDominioException>(() => e.Publicar(null, "x", cuando.AddDays(1), 1, Banda.Bajo, [Archivo()]));
        Assert.Contains("ya fue publicada el 20/07/2024", otra.Message);
        Assert.Equal(91.5m, e.Igi);
    }

    [Fact]
    public void Publicar_SinArchivosNoSePermite()
    {
        var e = Eval(1, 2024, Periodo.Anual);
        Rechazo.Con(() => e.Publicar(null, "planificador", DateTimeOffset.UtcNow, null, null, []), "Una evaluación se publica con sus archivos.");
        Assert.False(e.Publicada);
    }

    [Fact]
    public void ArchivoVacio_NoSePublica() =>
        Rechazo.Con(() => _ = new ArchivoPublicado(1, "informe.docx", "application/x", []), "El archivo informe.docx está vacío.");
    [Fact]
    public void Republicar_SoloUnaPublicadaYConMotivo()
    {
        var e = Eval(1, 2024, Periodo.Trimestre(2));
        var cuando = new DateTimeOffset(2024, 7, 20, 15, 0, 0, TimeSpan.Zero);
        Rechazo.Con(() => e.IniciarRepublicacion("Corregir", "planificador", cuando),
            "La evaluación II Trimestre 2024 aún no está publicada: se corrige y se publica, sin republicación.");
        e.Publicar(null, "planificador", cuando, 80m, Banda.Medio, [Archivo()]);
        Rechazo.Con(() => e.IniciarRepublicacion("  ", "planificador", cuando.AddDays(1)),
            "Para republicar la evaluación II Trimestre 2024 indique el motivo de la corrección.");
        Rechazo.Con(() => e.IniciarRepublicacion(new string('x', EvaluacionPoi.LargoMaximoMotivo + 1), "planificador", cuando.AddDays(1)),
            "El motivo de la republicación no puede pasar de 1000 caracteres.");
        Assert.False(e.EnRepublicacion);
        Assert.False(e.Editable);
        e.IniciarRepublicacion(" Se reabrió mayo del centro 01.02 ", "planificador", cuando.AddDays(3));
        Assert.True(e.EnRepublicacion);
        Assert.True(e.Editable);
        Assert.True(e.Publicada);
        Assert.Equal("Se reabrió mayo del centro 01.02", e.RepublicacionMotivo);
        Rechazo.Con(() => e.IniciarRepublicacion("Otra vez", "otro", cuando.AddDays(4)),
            "La evaluación II Trimestre 2024 ya tiene una republicación en curso, iniciada el 23/07/2024 por planificador.");
    }

    [Fact]
    public void Republicacion_AlPublicarseReemplazaALaAnteriorQueSeConservaTalCual()
    {
        var e = Eval(1, 2024, Periodo.Semestre(1));
        var primera = new DateTimeOffset(2024, 7, 20, 15, 0, 0, TimeSpan.Zero);
        e.Publicar("Informe N.º 12", "planificador", primera, 91.5m, Banda.Alto, [Archivo()]);
        Assert.Equal(1, e.Publicacion);
        Rechazo.Con(() => e.VerificarEditable("sus recomendaciones"), "La evaluación I Semestre 2024 ya está publicada: no se puede modificar sus recomendaciones.");

        e.IniciarRepublicacion("Corrección del avance de marzo", "jefe.opp", primera.AddDays(10));
        e.VerificarEditable("sus recomendaciones");
        var segunda = primera.AddDays(12);
        e.Publicar("Informe N.º 15", "planificador2", segunda, 88m, Banda.Medio, [Archivo()]);

        Assert.Equal(2, e.Publicacion);
        Assert.False(e.EnRepublicacion);
        Assert.Null(e.RepublicacionMotivo);
        Assert.Equal((88m, Banda.Medio, "Informe N.º 15", segunda), (e.Igi!.Value, e.BandaIgi!.Value, e.Documento, e.PublicadaEn!.Value));
        var anterior = Assert.Single(e.Reemplazadas);
        Assert.Equal((1, 91.5m, Banda.Alto, "Informe N.º 12", primera, "planificador"),
            (anterior.Numero, anterior.Igi!.Value, anterior.BandaIgi!.Value, anterior.Documento, anterior.PublicadaEn, anterior.PublicadaPor));
        Assert.Equal((segunda, "Corrección del avance de marzo", "jefe.opp"), (anterior.ReemplazadaEn, anterior.MotivoRepublicacion, anterior.RepublicacionIniciadaPor));
        Assert.Equal([1, 2], e.Archivos.Select(a => a.Publicacion));
        // The republication, once published, is as frozen as the first publication.
        Rechazo.Con(() => e.Publicar(null, "x", segunda.AddDays(1), 1, Banda.Bajo, [Archivo()]), "ya fue publicada el");
    }

    [Fact]
    public void Contiene_ElMesDeSuPeriodoYAnio()
    {
        var t2 = Eval(1, 2024, Periodo.Trimestre(2));
        Assert.Equal([4, 5, 6], Enumerable.Range(1, 12).Where(m => t2.Contiene(2024, m)));
        Assert.False(t2.Contiene(2025, 5));
    }
}
