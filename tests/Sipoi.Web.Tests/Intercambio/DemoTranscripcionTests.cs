using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Pois;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// The demo data was rebuilt from a PDF extraction that lost cells. Whatever was rebuilt, per ficha the
/// annual targets of `suma` activities loaded in the database must add up to what the document prints
/// (data/demo/transcripcion-metas.tsv, typed from the document independently of the JSON).
/// </summary>
public sealed class DemoTranscripcionTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task PorFicha_SumaDeMetasAnualesDeActividadesSuma_IgualALaTranscripcion()
    {
        var transcripcion = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "demo", "transcripcion-metas.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith("ficha\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(c => new { Ficha = c[0], Numero = c[1], Anual = Numero(c[3]) ?? Numero(c[4]) })
            .ToList();
        Assert.True(transcripcion.Count > 100, $"la transcripción tiene {transcripcion.Count} filas");

        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == "EMSAPUNO");
        var vista = (await ConsultaPoi.CargarAsync(db, entidad.Id, 2024, CancellationToken.None))!;
        Assert.Equal(transcripcion.Count, vista.Actividades.Count);

        var suma = vista.Actividades.Where(a => a.Comportamiento == Comportamiento.Suma).ToList();
        foreach (var ficha in vista.Actividades.Select(a => a.FichaCodigo!).Distinct())
        {
            var numerosSuma = suma.Where(a => a.FichaCodigo == ficha).Select(a => a.Numero).ToHashSet();
            var esperado = transcripcion.Where(t => t.Ficha == ficha && numerosSuma.Contains(t.Numero)).Sum(t => t.Anual ?? 0);
            var cargado = suma.Where(a => a.FichaCodigo == ficha).Sum(a => a.Anual);
            Assert.True(esperado == cargado, $"{ficha}: transcripción {esperado}, cargado {cargado}");
        }
    }

    private static decimal? Numero(string s) =>
        decimal.TryParse(s.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
}
