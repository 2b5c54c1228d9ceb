using System.Text;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Intercambio;

public sealed class ImportacionTests : IAsyncLifetime
{
    private BaseDePrueba _base = null!;

    public async Task InitializeAsync()
    {
        _base = await BaseDePrueba.CrearAsync();
        await using var db = _base.Contexto();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _base.DisposeAsync();

    private static DocumentoIntercambio Demo()
    {
        using var s = DatosDemo.Abrir();
        var r = LectorIntercambio.Leer(s);
        Assert.True(r.EsValido, string.Join("\n", r.Errores));
        return r.Documento;
    }

    [Fact]
    public async Task ImportarYExportar_ConservaCadaCampo()
    {
        var original = Demo();
        await using var db = _base.Contexto();
        var r = await ImportadorPlan.ImportarAsync(db, original);
        Assert.True(r.Exito, string.Join("\n", r.Errores));

        await using var db2 = _base.Contexto();
        var exportado = await ExportadorPlan.ExportarAsync(db2, "EMSAPUNO", 2024);
        Assert.NotNull(exportado);
        // The file states no thresholds for tolerance and closing days: export writes the defaults it applied.
        var esperado = original with
        {
            Configuracion = original.Configuracion! with
            {
                ToleranciaInferior = ConfiguracionDto.ToleranciaInferiorPredeterminada,
                ToleranciaSuperior = ConfiguracionDto.ToleranciaSuperiorPredeterminada,
                DiasCierre = ConfiguracionDto.DiasCierrePredeterminados,
                MostrarEnviados = false,
                // Nor does it state the reporting rhythm or the head's validation: export writes the defaults.
                RitmoReporte = Sipoi.Domain.Organizacion.RitmoReporte.Mensual,
                ValidacionJefatura = false,
                PorcentajesEnteros = false,
            },
            // A file without states enters its registered months approved, and export always writes the states.
            Poi = original.Poi with
            {
                Seguimiento = original.Poi.Actividades
                    .SelectMany(a => Enumerable.Range(1, 12).Where(m => a.Ejecutado[m - 1] is not null || a.FinancieroEjecutado[m - 1] is not null)
                        .Select(m => (a.CentroCosto, Mes: m)))
                    .Distinct().OrderBy(x => x.CentroCosto, StringComparer.Ordinal).ThenBy(x => x.Mes)
                    .Select(x => new SeguimientoDto { CentroCosto = x.CentroCosto, Mes = x.Mes, Estado = Sipoi.Domain.Seguimiento.EstadoSeguimiento.Aprobado })
                    .ToList(),
            },
        };
        Assert.Empty(Comparar.Diferencias(esperado, exportado));
    }

    [Fact]
    public async Task FinancieroPorGenerica_ProgramadoYEjecutado_SobreviveImportarYExportar()
    {
        var demo = Demo();
        var primera = demo.Poi.Actividades[0];
        decimal[] bienes = [100, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 50.25m];
        decimal[] servicios = [0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        decimal?[] bienesEjecutado = [90, 0, null, null, null, null, null, null, null, null, null, null];
        decimal?[] serviciosEjecutado = [null, 25.5m, null, null, null, null, null, null, null, null, null, null];
        var conDinero = primera with
        {
            FinancieroProgramado = bienes.Zip(servicios, (x, y) => x + y).ToArray(),
            FinancieroEjecutado = [90, 25.5m, null, null, null, null, null, null, null, null, null, null],
            FinancieroPorGenerica =
            [
                new FinancieroGenericaDto { Generica = "2.3.1", Programado = bienes, Ejecutado = bienesEjecutado },
                new FinancieroGenericaDto { Generica = "2.3.2", Programado = servicios, Ejecutado = serviciosEjecutado },
            ],
        };
        var doc = demo with { Poi = demo.Poi with { Actividades = [conDinero, .. demo.Poi.Actividades.Skip(1)] } };
        // Through the writer and the reader, so the file obeys every rule of the format.
        var lectura = LectorIntercambio.Leer(EscritorIntercambio.EscribirTexto(doc));
        Assert.True(lectura.EsValido, string.Join("\n", lectura.Errores));

        await using (var db = _base.Contexto()) Assert.True((await ImportadorPlan.ImportarAsync(db, lectura.Documento)).Exito);
        await using var db2 = _base.Contexto();
        var exportado = await ExportadorPlan.ExportarAsync(db2, "EMSAPUNO", 2024);
        var actividad = exportado!.Poi.Actividades.Single(a => a.Codigo == primera.Codigo);
        Assert.Empty(Comparar.Diferencias(conDinero.FinancieroPorGenerica, actividad.FinancieroPorGenerica));
        Assert.Empty(Comparar.Diferencias(conDinero.FinancieroEjecutado, actividad.FinancieroEjecutado));
    }

    [Fact]
    public async Task ImportarDosVeces_ReemplazaElAnioSinDuplicar()
    {
        await using (var db = _base.Contexto()) Assert.True((await ImportadorPlan.ImportarAsync(db, Demo())).Exito);
        var conteo1 = await ConteoAsync();
        await using (var db = _base.Contexto()) Assert.True((await ImportadorPlan.ImportarAsync(db, Demo())).Exito);
        Assert.Equal(conteo1, await ConteoAsync());
    }

    [Fact]
    public async Task ArchivoInvalido_NoCambiaNadaYNombraLaRuta()
    {
        await using (var db = _base.Contexto()) Assert.True((await ImportadorPlan.ImportarAsync(db, Demo())).Exito);
        var antes = await ConteoAsync();

        var json = await new StreamReader(DatosDemo.Abrir()).ReadToEndAsync();
        // Same entity, different content, and one activity pointing to an AEI that does not exist.
        var malo = json.Replace("\"aei\": \"AEI.04.04\"", "\"aei\": \"AEI.99.99\"");
        Assert.NotEqual(json, malo);
        await using var db2 = _base.Contexto();
        var r = await ImportadorPlan.ImportarAsync(db2, new MemoryStream(Encoding.UTF8.GetBytes(malo)));
        Assert.False(r.Exito);
        Assert.Contains(r.Errores, e => e.StartsWith("poi.actividades[", StringComparison.Ordinal) && e.Contains("AEI.99.99"));
        Assert.Equal(antes, await ConteoAsync());
    }

    [Fact]
    public async Task ErrorEnLaBaseDeDatos_DeshaceTodaLaImportacion()
    {
        // The reader accepts an indicator code reused across two files' PEIs, but in the database the
        // second import finds it under another AEI: the whole import must roll back.
        await using (var db = _base.Contexto()) Assert.True((await ImportadorPlan.ImportarAsync(db, Demo())).Exito);
        var antes = await ConteoAsync();
        var doc = Demo();
        var oeis = doc.Pei.Oei.ToList();
        var primera = oeis[0].Aei[0];
        var segunda = oeis[0].Aei[1];
        var movido = primera.Indicadores[0];
        oeis[0] = oeis[0] with
        {
            Aei = [primera with { Indicadores = primera.Indicadores.Skip(1).ToList() }, segunda with { Indicadores = [.. segunda.Indicadores, movido] }, .. oeis[0].Aei.Skip(2)],
        };
        var cambiado = doc with { Pei = doc.Pei with { Oei = oeis }, Poi = doc.Poi with { Actividades = doc.Poi.Actividades.Take(3).ToList() } };
        await using var db2 = _base.Contexto();
        var r = await ImportadorPlan.ImportarAsync(db2, cambiado);
        Assert.False(r.Exito);
        Assert.Contains(r.Errores, e => e.Contains(movido.Codigo));
        Assert.Equal(antes, await ConteoAsync());
    }

    private async Task<string> ConteoAsync()
    {
        await using var db = _base.Contexto();
        return string.Join(",", await db.Entidades.CountAsync(), await db.CentrosCosto.CountAsync(), await db.Fichas.CountAsync(),
            await db.Oeis.CountAsync(), await db.Aeis.CountAsync(), await db.Indicadores.CountAsync(), await db.ValoresIndicador.CountAsync(),
            await db.Pois.CountAsync(), await db.PoiVersiones.CountAsync(), await db.Actividades.CountAsync(),
            await db.Programaciones.CountAsync(), await db.MetasMensuales.CountAsync(), await db.LineasPresupuesto.CountAsync(),
            await db.MetasMensuales.SumAsync(m => m.Fisico));
    }
}
