using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.ImportacionExcel;

/// <summary>
/// The matrix SIPOI writes, with its import columns (Código, AEI, Comportamiento, Centro de costo, Ficha) and its group
/// rows, read back into a year without POI: every activity comes back as it was, by ficha and by cost centre.
/// </summary>
public class MatrizIdaYVueltaTests
{
    private static ActividadMatriz Fila(ActividadDto a) =>
        ActividadMatriz.Desde(a.Numero ?? a.Codigo, a.Nombre, a.UnidadMedida ?? "", a.Responsable ?? "", a.MesInicio ?? 1, a.MesFin ?? 12,
            a.MetaAnual!.Value, a.Comportamiento, a.Programado) with
        { Codigo = a.Codigo, Grupo = a.Grupo, AeiCodigo = a.Aei, CentroCosto = a.CentroCosto, Ficha = a.Ficha };

    /// <summary>The demo's matrix as the web's report builder writes it: by ficha (default) or one sheet per cost centre.</summary>
    internal static MemoryStream Matriz(DocumentoIntercambio demo, bool porCentro = false, int anio = 2024)
    {
        var centros = demo.CentrosCosto.ToDictionary(c => c.Codigo);
        var hojas = porCentro
            ? demo.Poi.Actividades.GroupBy(a => a.CentroCosto).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new HojaMatrizPoi(g.Key, $"{g.Key} {centros[g.Key].Nombre}", [], g.Select(Fila).ToList())).ToList()
            : demo.Poi.Actividades.GroupBy(a => a.Ficha!).Select(g =>
            {
                var ficha = demo.Fichas.Single(f => f.Codigo == g.Key);
                return new HojaMatrizPoi(ficha.Codigo, centros[ficha.CentroCosto!].Nombre, [], g.Select(Fila).ToList())
                {
                    FichaProceso = $"{ficha.Codigo} {ficha.Nombre}",
                };
            }).ToList();
        var ms = new MemoryStream();
        MatrizPoiExcel.Escribir(new MatrizPoi("EMSAPUNO S.A.", anio, "PEI 2023 - 2025", hojas), ms);
        ms.Position = 0;
        return ms;
    }

    private static void Iguales(IReadOnlyList<ActividadDto> esperadas, IReadOnlyList<ActividadDto> leidas)
    {
        Assert.Equal(esperadas.Count, leidas.Count);
        var porCodigo = leidas.ToDictionary(a => a.Codigo);
        foreach (var e in esperadas)
        {
            var l = porCodigo[e.Codigo];
            Assert.Equal((e.Codigo, e.Numero, e.Nombre, e.UnidadMedida, e.Aei, e.CentroCosto, e.Ficha, e.Grupo, e.Comportamiento, e.Responsable),
                (l.Codigo, l.Numero, l.Nombre, l.UnidadMedida, l.Aei, l.CentroCosto, l.Ficha, l.Grupo, l.Comportamiento, l.Responsable));
            Assert.Equal(e.Programado, l.Programado);
            Assert.Equal(e.MetaAnual, l.MetaAnual);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MatrizConColumnasDeImportacion_ComoAnioSiguiente_DevuelveCadaActividad(bool porCentro)
    {
        var demo = ImportacionExcelLectorTests.Demo();
        Assert.Contains(demo.Poi.Actividades, a => a.Grupo is not null); // the demo has group headings to carry
        var contexto = ContextoPoiExcel.Desde(demo, 2025) with { AnioLibro = 2024 };
        Assert.Null(contexto.PoiActual); // nothing to take from: a fresh year

        var r = LectorPoiExcel.Leer(Matriz(demo, porCentro), contexto);

        Assert.True(r.EsValido, string.Join("\n", r.Errores));
        Assert.Equal(2025, r.Poi.Anio);
        Iguales(demo.Poi.Actividades, r.Poi.Actividades);
    }

    [Fact]
    public void LibroDelAnioAnterior_SinElegirAnioSiguiente_SeRechazaYDiceQueElegir()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var r = LectorPoiExcel.Leer(Matriz(demo), ContextoPoiExcel.Desde(demo, 2025));

        Assert.False(r.EsValido);
        Assert.Equal("Hoja 'FP 06', fila 3, columna A: la hoja es del año 2024 y se está importando el POI 2025: para empezar el POI 2025 " +
                     "con el libro del año anterior, elija «como año siguiente».", r.Errores[0].ToString());
        Assert.All(r.Errores, e => Assert.Contains("la hoja es del año 2024", e.Mensaje, StringComparison.Ordinal));

        // "As the next year" with a workbook of the same year is refused as well.
        var mismo = LectorPoiExcel.Leer(Matriz(demo, anio: 2025), ContextoPoiExcel.Desde(demo, 2025) with { AnioLibro = 2024 });
        Assert.Equal("Hoja 'FP 06', fila 3, columna A: la hoja es del año 2025; para importarla como POI 2025 (año siguiente) el libro debe ser del 2024.",
            mismo.Errores[0].ToString());
    }

    [Fact]
    public void FichaDesconocidaEnLaColumna_SeRechazaEnSuCelda()
    {
        var demo = ImportacionExcelLectorTests.Demo();
        var primera = demo.Poi.Actividades[0];
        var cambiado = demo with { Poi = demo.Poi with { Actividades = [primera with { Ficha = "FP 99" }] } };
        // By cost centre, so the sheet has no ficha line and the column is the only place that names it.
        var r = LectorPoiExcel.Leer(Matriz(cambiado, porCentro: true), ContextoPoiExcel.Desde(demo, 2025) with { AnioLibro = 2024 });

        var error = Assert.Single(r.Errores);
        Assert.Matches(@"^Hoja '01\.01', fila \d+, columna AC \(Ficha\): «FP 99» no es una ficha de proceso de la entidad\.$", error.ToString());
    }
}
