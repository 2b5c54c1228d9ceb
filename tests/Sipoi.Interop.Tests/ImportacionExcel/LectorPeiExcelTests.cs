using System.Text.Json;
using Sipoi.Domain.Estrategia;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.ImportacionExcel;

/// <summary>The PEI workbook: what PeiExcel writes reads back unchanged; every bad cell is named (sheet, row, column, reason), all at once.</summary>
public class LectorPeiExcelTests
{
    private static string Errores(ResultadoPeiExcel r) => string.Join("\n", r.Errores);

    internal static PeiDto Ejemplo() => new()
    {
        Codigo = "PEI-2024-2027",
        Nombre = "PEI EMSAPUNO 2024-2027",
        Inicio = 2024,
        Fin = 2027,
        Mision = "Brindar servicios de saneamiento de calidad.",
        Oei =
        [
            new OeiDto
            {
                Codigo = "OEI.01", Enunciado = "Garantizar la gestión integral del agua potable", Prioridad = 1,
                Indicadores =
                [
                    new IndicadorDto
                    {
                        Codigo = "IND.01", Nombre = "Continuidad promedio Puno", Unidad = "h/d", LineaBase = new LineaBaseDto { Anio = 2023, Valor = 10.5m },
                        LogrosEsperados = new SortedDictionary<int, decimal> { [2024] = 11, [2025] = 11.25m, [2027] = 12 },
                        MetodoCalculo = "Horas de servicio / días", Fuente = "SUNASS", CentroCostoResponsable = "03.01",
                    },
                ],
                Aei =
                [
                    new AeiDto
                    {
                        Codigo = "AEI.01.01", Enunciado = "Asegurar la continuidad del servicio", Prioridad = 2, Responsable = "Gerencia de Operaciones",
                        Indicadores =
                        [
                            new IndicadorDto { Codigo = "IND.02", Nombre = "Presión promedio Puno", Unidad = "m.c.a.", Sentido = Sentido.Descendente,
                                LogrosEsperados = new SortedDictionary<int, decimal> { [2024] = 21 } },
                            new IndicadorDto { Codigo = "IND.03", Nombre = "Cloro residual", Unidad = "mg/l", Sentido = Sentido.NoDefinido,
                                MaximoPermisible = 5, MinimoPermisible = 0.5m },
                        ],
                    },
                    new AeiDto { Codigo = "AEI.01.02", Enunciado = "Optimizar la presión", Prioridad = 1 },
                ],
            },
            new OeiDto { Codigo = "OEI.02", Enunciado = "Mejorar el acceso a los servicios", Prioridad = 2 },
        ],
    };

    private static MemoryStream Escrito(PeiDto pei)
    {
        var ms = new MemoryStream();
        PeiExcel.Escribir("EMSAPUNO S.A.", pei, ms);
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void LibroEscrito_EsValido_ConSusCeldas()
    {
        using var x = new Xlsx(s => PeiExcel.Escribir("EMSAPUNO S.A.", Ejemplo(), s), "pei.xlsx");
        Assert.Empty(x.Errores());
        Assert.Equal([LectorPeiExcel.HojaDatos, LectorPeiExcel.HojaPei], x.Hojas);
        Assert.Equal("Código", x.Texto(LectorPeiExcel.HojaDatos, "A6"));
        Assert.Equal("PEI-2024-2027", x.Texto(LectorPeiExcel.HojaDatos, "B6"));
        Assert.Equal("2024", x.Texto(LectorPeiExcel.HojaDatos, "B8"));
        const string h = LectorPeiExcel.HojaPei;
        Assert.Equal("Tipo", x.Texto(h, "A5"));
        Assert.Equal("Logro esperado 2024", x.Texto(h, "R5"));
        Assert.Equal("Logro esperado 2027", x.Texto(h, "U5"));
        Assert.Equal(("OEI", "OEI.01", "IND.01"), (x.Texto(h, "A6"), x.Texto(h, "B6"), x.Texto(h, "G6")));
        Assert.Equal(11.25, x.Numero(h, "S6"));
        Assert.Equal(("AEI", "AEI.01.01", "OEI.01"), (x.Texto(h, "A7"), x.Texto(h, "B7"), x.Texto(h, "D7")));
        // The AEI's second indicator: the objective's cells blank, as in the reference POI's table.
        Assert.Null(x.Texto(h, "B8"));
        Assert.Equal("no definido", x.Texto(h, "J8"));
    }

    [Fact]
    public void IdaYVuelta_ElLibroEscritoSeLeeIgual()
    {
        var r = LectorPeiExcel.Leer(Escrito(Ejemplo()));
        Assert.True(r.EsValido, Errores(r));
        Assert.Equal(JsonSerializer.Serialize(Ejemplo()), JsonSerializer.Serialize(r.Pei));
    }

    [Fact]
    public void Plantilla_EsValida_YSeLeeConSusFilasDeEjemplo()
    {
        using var x = new Xlsx(s => PeiExcel.EscribirPlantilla("EMSAPUNO S.A.", 2025, 2029, s), "plantilla-pei.xlsx");
        Assert.Empty(x.Errores());
        Assert.Equal("Logro esperado 2029", x.Texto(LectorPeiExcel.HojaPei, "V5"));
        var ms = new MemoryStream();
        PeiExcel.EscribirPlantilla("EMSAPUNO S.A.", 2025, 2029, ms);
        ms.Position = 0;
        var r = LectorPeiExcel.Leer(ms);
        Assert.True(r.EsValido, Errores(r));
        Assert.Equal("PEI-2025-2029", r.Pei!.Codigo);
        var oei = Assert.Single(r.Pei.Oei);
        Assert.Equal("AEI.01.01", Assert.Single(oei.Aei).Codigo);
        Assert.Equal(70m, oei.Indicadores[0].LogrosEsperados[2029]);
    }

    private static LibroDePrueba.Hoja Datos(LibroDePrueba libro, object? inicio = null) =>
        libro.NuevaHoja("Datos del PEI").Fila("A1", "Dato", "Valor").Fila("A2", "Código", "PEI-2024-2026").Fila("A3", "Año de inicio", inicio ?? 2024).Fila("A4", "Año de fin", 2026);

    private static object?[] Encabezados => [.. LectorPeiExcel.Encabezados, "Logro esperado 2024", "Logro esperado 2025", "Logro esperado 2026", "Logro esperado 2027"];

    /// <summary>A row of sheet «PEI»: type, code, statement, OEI, then indicator code, name and the 2024–2027 targets.</summary>
    private static object?[] Fila(string? tipo, string? codigo, string? enunciado, string? oei, string? codInd, string? indicador, params object?[] metas) =>
        [tipo, codigo, enunciado, oei, null, null, codInd, indicador, null, null, null, null, null, null, null, null, null, .. metas];

    [Fact]
    public void FormatoDeReferencia_SinTipo_NiOei_NiPrioridades_SeDeducenDelCodigoYDelOrden()
    {
        var libro = new LibroDePrueba();
        Datos(libro);
        libro.NuevaHoja("PEI").Fila("A3", ["Código", "Objetivo Estratégico Institucional / Acción Estratégica Institucional", "Indicador", "Código del indicador", "Unidad de medida", "Logro esperado año 2024"])
            .Fila("A4", "OEI. 01", "Garantizar el agua", null, null, null, null)
            .Fila("A5", "AEI. 01.01", "Asegurar la continuidad", "Continuidad Puno", "IND.1", "h/d", 11)
            .Fila("A6", null, null, "Continuidad Desaguadero", "IND.2", "h/d", "5")
            .Fila("A7", "AEI. 01.02", "Optimizar la presión", "Presión Puno", "IND.3", "m.c.a.", "1,021.5");
        var r = LectorPeiExcel.Leer(libro.Guardar());
        Assert.True(r.EsValido, Errores(r));
        var oei = Assert.Single(r.Pei!.Oei);
        Assert.Equal((1, 2), (oei.Aei[0].Prioridad, oei.Aei[1].Prioridad));
        Assert.Equal(new[] { "IND.1", "IND.2" }, oei.Aei[0].Indicadores.Select(i => i.Codigo));
        Assert.Equal(1021.5m, oei.Aei[1].Indicadores[0].LogrosEsperados[2024]);
    }

    [Fact]
    public void LibroConErrores_NombraCadaCelda_TodosALaVez_YNoDevuelvePei()
    {
        var libro = new LibroDePrueba();
        Datos(libro);
        libro.NuevaHoja("PEI").Fila("A1", Encabezados)
            .Fila("A2", Fila("OEI", "OEI.01", "Garantizar el agua", null, "IND.01", "Continuidad", 11, "doce"))
            .Fila("A3", Fila("AEI", "AEI.01.01", "Asegurar la continuidad", "OEI.09", "IND.02", "Presión", null, null, null, 30))
            .Fila("A4", Fila("OEI", "OEI.01", "Otro enunciado", null, "IND.03", "Cobertura"))
            .Fila("A5", Fila("AEI", "AEI.01.02", "Optimizar", "OEI.01", "IND.01", "Repetido"))
            .Fila("A6", Fila("OEI", new string('X', 41), "Largo", null, null, null))
            .Fila("A7", Fila("XYZ", "OEI.03", "Tipo malo", null, null, null));
        var r = LectorPeiExcel.Leer(libro.Guardar());

        Assert.False(r.EsValido);
        Assert.Null(r.Pei);
        var e = Errores(r);
        Assert.Contains("Hoja 'PEI', fila 2, columna S (Logro esperado 2025): «doce» no es un número", e);
        Assert.Contains("Hoja 'PEI', fila 3, columna U (Logro esperado 2027): el año 2027 está fuera del periodo del PEI (2024–2026).", e);
        Assert.Contains("Hoja 'PEI', fila 4, columna B (Código): el código OEI.01 está repetido: ya está en la fila 2.", e);
        Assert.Contains("Hoja 'PEI', fila 5, columna G (Código del indicador): el indicador IND.01 está repetido: ya está en la fila 2.", e);
        Assert.Contains("Hoja 'PEI', fila 6, columna B (Código): admite hasta 40 caracteres (tiene 41).", e);
        Assert.Contains("Hoja 'PEI', fila 7, columna A (Tipo): «XYZ» no es un tipo: escriba OEI o AEI.", e);
        Assert.Contains("Hoja 'PEI', fila 3, columna D (OEI): la AEI AEI.01.01 pertenece al OEI OEI.09, que no está en el libro.", e);
    }

    [Fact]
    public void DatosDelPei_AnioEscritoMal_YFaltaLaHojaPei_SeDicen()
    {
        var libro = new LibroDePrueba();
        Datos(libro, inicio: "dos mil");
        var r = LectorPeiExcel.Leer(libro.Guardar());
        Assert.Contains("Hoja 'Datos del PEI', fila 3, columna B: «Año de inicio»: «dos mil» no es un número", Errores(r));
        Assert.Contains("Falta la hoja «PEI» con los OEI, AEI e indicadores. Descargue la plantilla.", Errores(r));
    }

    [Fact]
    public void SentidoNoDefinidoSinLimites_YLineaBaseSinAnio_SeRechazanEnSuCelda()
    {
        var libro = new LibroDePrueba();
        Datos(libro);
        object?[] fila = [.. Fila("OEI", "OEI.01", "Garantizar el agua", null, "IND.01", "Cloro")];
        fila[9] = "No definido";
        fila[14] = 3;
        libro.NuevaHoja("PEI").Fila("A1", Encabezados).Fila("A2", fila);
        var e = Errores(LectorPeiExcel.Leer(libro.Guardar()));
        Assert.Contains("fila 2, columna J (Sentido): el indicador IND.01 tiene sentido «no definido»: indique el máximo o el mínimo permisible.", e);
        Assert.Contains("fila 2, columna N (Año línea base): indique el año de la línea base del indicador IND.01.", e);
    }
}
