using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Operativo;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// The directive's details of an activity travel in the exchange file (docs/intercambio.md): export(import(f)) carries
/// the indicator, critical elements and needs, and a file without them (every file written before they existed) imports
/// with no detail.
/// </summary>
public sealed class DetalleActividadIdaYVueltaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const int Anio = 2024;

    private async Task<DocumentoIntercambio> ExportarAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        var doc = await ExportadorPlan.ExportarAsync(db, codigo, Anio);
        Assert.NotNull(doc);
        return doc;
    }

    private async Task ImportarComoAsync(DocumentoIntercambio doc, string codigo)
    {
        var lectura = LectorIntercambio.Leer(Texto(doc, codigo));
        Assert.True(lectura.EsValido, string.Join("\n", lectura.Errores));
        await using var db = app.Base.Contexto();
        var r = await ImportadorPlan.ImportarAsync(db, lectura.Documento);
        Assert.True(r.Exito, string.Join("\n", r.Errores));
    }

    private static string Texto(DocumentoIntercambio doc, string codigo) =>
        EscritorIntercambio.EscribirTexto(doc with { Entidad = doc.Entidad with { Codigo = codigo } });

    [Fact]
    public async Task Detalle_IdaYVuelta_ConservaIndicadorElementosYNecesidades()
    {
        var original = await ExportarAsync("EMSAPUNO");
        var primera = original.Poi.Actividades[0] with
        {
            Indicador = new IndicadorActividadDto { Enunciado = "Número de informes de gestión presentados", Tipo = TipoIndicadorActividad.Insumo },
            ElementosCriticos = ["Información de las áreas a tiempo", "Personal asignado"],
            Necesidades =
            [
                new NecesidadDto { Codigo = "2.3.1.5.1.2", Detalle = "Papel bond A4 (millar)", Cantidad = 10, CostoUnitario = 28.50m },
                new NecesidadDto { Detalle = "Movilidad local", Cantidad = 4, CostoUnitario = 25 },
            ],
        };
        var conDetalle = original with { Poi = original.Poi with { Actividades = [primera, .. original.Poi.Actividades.Skip(1)] } };
        await ImportarComoAsync(conDetalle, "DETALLE");

        var copia = (await ExportarAsync("DETALLE")).Poi.Actividades.Single(a => a.Codigo == primera.Codigo);
        Assert.Equal(primera.Indicador, copia.Indicador);
        Assert.Equal(primera.ElementosCriticos, copia.ElementosCriticos);
        Assert.Equal(primera.Necesidades, copia.Necesidades);
    }

    [Fact]
    public async Task ArchivoSinDetalle_SeImportaSinDetalle()
    {
        var original = await ExportarAsync("EMSAPUNO");
        var json = Texto(original, "ANTIGUO");
        Assert.DoesNotContain("\"necesidades\"", json);
        Assert.DoesNotContain("\"indicador\"", json);
        await ImportarComoAsync(original, "ANTIGUO");

        await using var db = app.Base.Contexto();
        var programas = db.Programaciones.Where(p => db.Actividades.Any(a => a.Id == p.ActividadId
            && db.Entidades.Any(e => e.Id == a.EntidadId && e.Codigo == "ANTIGUO")));
        Assert.True(await programas.AnyAsync());
        Assert.False(await programas.AnyAsync(p => p.Indicador != null || p.Necesidades.Any() || p.ElementosCriticos.Any()));
    }
}
