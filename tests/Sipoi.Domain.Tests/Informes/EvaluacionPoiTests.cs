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
    [InlineData("T1")]
    [InlineData("A06")]
    [InlineData("M03")]
    public void Periodo_SoloSemestresYAnio(string periodo)
    {
        var e = Assert.Throws<ReglaDominioException>(() => new EvaluacionPoi(1, 2024, Periodo.Parse(periodo)));
        Assert.Contains("semestral o anual", e.Message);
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
}
