using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Reportes;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.Tests.Reportes;

public sealed class CompletitudReporteTests
{
    private static Completitud DiciembrePendiente() => Completitud.Calcular(Periodo.Anual,
        [new CentroEsperado("01.01", "Gerencia General"), new CentroEsperado("01.02", "Planeamiento")],
        [.. Enumerable.Range(1, 11).Select(m => new EstadoMesCentro("01.01", m, EstadoSeguimiento.Aprobado)),
         .. Enumerable.Range(1, 11).Select(m => new EstadoMesCentro("01.02", m, EstadoSeguimiento.Aprobado)),
         new EstadoMesCentro("01.02", 12, EstadoSeguimiento.Observado)], false);

    [Fact]
    public void CompletitudReporte_TablaListaCadaMesCentroYLaNotaLlevaElMotivo()
    {
        var t = CompletitudReporte.Tabla(DiciembrePendiente(), "Plazo de remisión");

        Assert.Equal("Meses sin contar", t.Nombre);
        Assert.Equal("MESES-CENTRO QUE LAS CIFRAS NO CUENTAN — ANUAL", t.Titulo);
        Assert.Equal([["01.01", "Gerencia General", "Diciembre", "Pendiente"], ["01.02", "Planeamiento", "Diciembre", "Observado"]],
            t.Filas.Select(f => f.Celdas.Select(c => ((TextoDatos)c).Contenido).ToArray()).ToArray());
        Assert.Equal("Faltan 2 de 24 meses-centro por aprobar: diciembre (2 centros). Las cifras de este documento no cuentan esos meses. " +
                     "Publicada con 2 meses-centro sin aprobar: Plazo de remisión", t.Nota);
    }

    [Fact]
    public void CompletitudReporte_UnSoloMesCentroFaltante_EnSingular()
    {
        var c = Completitud.Calcular(Periodo.Anual,
            [new CentroEsperado("01.01", "Gerencia General"), new CentroEsperado("01.02", "Planeamiento")],
            [.. Enumerable.Range(1, 12).Select(m => new EstadoMesCentro("01.01", m, EstadoSeguimiento.Aprobado)),
             .. Enumerable.Range(1, 11).Select(m => new EstadoMesCentro("01.02", m, EstadoSeguimiento.Aprobado))], false);

        Assert.EndsWith("Publicada con 1 mes-centro sin aprobar: Plazo de remisión", CompletitudReporte.Nota(c, "Plazo de remisión"));
    }

    [Fact]
    public void TablasSeguimiento_Incompleta_AgregaLaTablaAlFinal_Completa_No()
    {
        var tablas = new TablasSeguimiento("EMSAPUNO", 2024, "Anual", Sipoi.Domain.Evaluacion.EsquemaBandas.Nacional);

        Assert.Equal(5, tablas.Tablas().Count);
        Assert.Equal("Meses sin contar", (tablas with { Completitud = DiciembrePendiente() }).Tablas()[^1].Nombre);
        Assert.Equal(6, (tablas with { Completitud = DiciembrePendiente() }).Tablas().Count);
    }
}
