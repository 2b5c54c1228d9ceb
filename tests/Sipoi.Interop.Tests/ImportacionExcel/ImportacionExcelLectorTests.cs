using System.Text;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.ImportacionExcel;

public class ImportacionExcelLectorTests
{
    internal static DocumentoIntercambio Demo()
    {
        using var s = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "demo", "emsapuno-2024.json"));
        var r = LectorIntercambio.Leer(s);
        Assert.True(r.EsValido, string.Join("\n", r.Errores));
        return r.Documento;
    }

    /// <summary>
    /// The demo's matrix as the report writes it: one sheet per ficha, in the order of the activities,
    /// each with its header lines and alignment table (built here as the web's report builder does).
    /// </summary>
    internal static MemoryStream MatrizDelDemo(DocumentoIntercambio demo)
    {
        var centros = demo.CentrosCosto.ToDictionary(c => c.Codigo);
        var aeis = demo.Pei.Oei.SelectMany(o => o.Aei.Select(a => (Oei: o, Aei: a))).ToDictionary(x => x.Aei.Codigo);
        var hojas = demo.Poi.Actividades.GroupBy(a => a.Ficha!).Select(g =>
        {
            var ficha = demo.Fichas.Single(f => f.Codigo == g.Key);
            var alineamiento = ficha.Aei.Select(c => aeis[c]).Select(x => new AlineamientoMatriz(x.Oei.Codigo, x.Oei.Enunciado, x.Aei.Codigo,
                x.Aei.Enunciado, x.Aei.Indicadores.FirstOrDefault()?.Nombre ?? "", x.Aei.Indicadores.FirstOrDefault()?.Unidad ?? "", null)).ToList();
            return new HojaMatrizPoi(ficha.Codigo, centros[ficha.CentroCosto!].Nombre, alineamiento,
                g.Select(a => ActividadMatriz.Desde(a.Numero ?? a.Codigo, a.Nombre, a.UnidadMedida ?? "", a.Responsable ?? "",
                    a.MesInicio ?? 1, a.MesFin ?? 12, a.MetaAnual!.Value, a.Comportamiento, a.Programado)).ToList())
            {
                FichaProceso = $"{ficha.Codigo} {ficha.Nombre}",
                ResponsableProceso = ficha.Responsable,
                ObjetivoProceso = ficha.Objetivo,
            };
        }).ToList();
        var ms = new MemoryStream();
        MatrizPoiExcel.Escribir(new MatrizPoi("EMSAPUNO S.A.", 2024, "PEI 2023 - 2025", hojas), ms);
        ms.Position = 0;
        return ms;
    }

    private static string Errores(ResultadoPoiExcel r) => string.Join("\n", r.Errores);

    [Fact]
    public void IdaYVuelta_MatrizDelDemo_DevuelveExactamenteSuProgramacion()
    {
        var demo = Demo();
        var r = LectorPoiExcel.Leer(MatrizDelDemo(demo), ContextoPoiExcel.Desde(demo, 2024));

        Assert.True(r.EsValido, Errores(r));
        Assert.Equal(25, r.Hojas.Count);
        Assert.Equal(231, r.Poi.Actividades.Count);
        // Every field of every activity, the version, approval and budget: the matrix plus what the entity already knew.
        Assert.Empty(Comparar.Diferencias(demo.Poi, r.Poi, "poi"));
    }

    [Fact]
    public void IdaYVuelta_SinPoiActual_ResuelveFichaCentroComportamientoYCodigosDesdeLaHoja()
    {
        var demo = Demo();
        var contexto = ContextoPoiExcel.Desde(demo, 2024) with { PoiActual = null };
        var r = LectorPoiExcel.Leer(MatrizDelDemo(demo), contexto);

        // Fichas that declare several AEIs cannot say which one each activity serves: one error per such row.
        Assert.False(r.EsValido);
        Assert.All(r.Errores, e => Assert.Contains("no se sabe a qué AEI pertenece la actividad", e.Mensaje, StringComparison.Ordinal));
        Assert.Contains(r.Errores, e => e.ToString() ==
            "Hoja 'FP 24', fila 17: no se sabe a qué AEI pertenece la actividad: la hoja declara AEI.04.01 y AEI.04.03. " +
            "Añada una columna «AEI» con el código de cada actividad.");
        var fichasVariasAei = demo.Fichas.Where(f => f.Aei.Count > 1).Select(f => f.Codigo).ToHashSet();
        Assert.Equal(demo.Poi.Actividades.Count(a => fichasVariasAei.Contains(a.Ficha!)), r.Errores.Count);
        Assert.Equal(fichasVariasAei.Order(), r.Errores.Select(e => e.Hoja!).Distinct().Order());
    }

    [Fact]
    public void HojaDeUnaSolaAei_SinPoiActual_TomaFichaCentroAeiYComportamientoDeLaHoja()
    {
        var demo = Demo();
        var fp30 = demo with { Poi = demo.Poi with { Actividades = demo.Poi.Actividades.Where(a => a.Ficha == "FP 06").ToList() } };
        var r = LectorPoiExcel.Leer(MatrizDelDemo(fp30), ContextoPoiExcel.Desde(demo, 2024) with { PoiActual = null });

        Assert.True(r.EsValido, Errores(r));
        var esperadas = fp30.Poi.Actividades;
        Assert.Equal(esperadas.Select(a => a.Codigo), r.Poi.Actividades.Select(a => a.Codigo)); // "FP06-01": ficha without space + number
        Assert.All(r.Poi.Actividades, a => Assert.Equal(("FP 06", "01.01", "AEI.04.04"), (a.Ficha, a.CentroCosto, a.Aei)));
        Assert.Equal(esperadas.Select(a => a.Programado), r.Poi.Actividades.Select(a => a.Programado));
    }

    [Fact]
    public void CentroInactivo_NoRecibeActividadesNuevas_PeroLaReimportacionDelAnioQueTrabajoSeAcepta()
    {
        var demo = Demo();
        var fp06 = demo with { Poi = demo.Poi with { Actividades = demo.Poi.Actividades.Where(a => a.Ficha == "FP 06").ToList() } };
        var inactivo = new HashSet<string>(StringComparer.Ordinal) { "01.01" };

        // A new year's workbook (no current POI) with work for the retired office: every such row is refused, by name.
        var nuevo = LectorPoiExcel.Leer(MatrizDelDemo(fp06), ContextoPoiExcel.Desde(demo, 2024) with { PoiActual = null, CentrosInactivos = inactivo });
        Assert.False(nuevo.EsValido);
        Assert.Equal(fp06.Poi.Actividades.Count, nuevo.Errores.Count);
        Assert.All(nuevo.Errores, e => Assert.Contains("el centro de costo 01.01 está inactivo: no recibe actividades nuevas", e.Mensaje, StringComparison.Ordinal));
        Assert.Equal("FP 06", nuevo.Errores[0].Hoja);

        // Re-importing the year the office worked in: its activities are already there, in that centre.
        var reimportado = LectorPoiExcel.Leer(MatrizDelDemo(demo), ContextoPoiExcel.Desde(demo, 2024) with { CentrosInactivos = inactivo });
        Assert.True(reimportado.EsValido, Errores(reimportado));
        Assert.Empty(Comparar.Diferencias(demo.Poi, reimportado.Poi, "poi"));
    }

    [Fact]
    public void SinColumnaComportamiento_LoDeduceDelTotalDeclarado()
    {
        var libro = new LibroDePrueba();
        Oficina(libro.NuevaHoja("FP 30"), ficha: "FP 30 PRODUCCIÓN Y DISTRIBUCIÓN DE AGUA POTABLE",
            Fila("01", "Presión en la red", "AEI.01.01", [21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21], 21),
            Fila("02", "Catálogo actualizado", "AEI.01.01", [0, 0, 25, 0, 0, 50, 0, 0, 75, 0, 0, 100], 100),
            Fila("03", "Informes", "AEI.01.01", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 12),
            Fila("04", "Un solo mes", "AEI.01.01", [0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0], 5));
        var r = Leer(libro);

        Assert.True(r.EsValido, Errores(r));
        Assert.Equal([Comportamiento.Promedio, Comportamiento.Ultimo, Comportamiento.Suma, Comportamiento.Suma],
            r.Poi.Actividades.Select(a => a.Comportamiento));
    }

    [Fact]
    public void LibroDeLaOficina_UnaHojaPorFicha_TextosNumerosYCombinadas()
    {
        var libro = new LibroDePrueba();
        libro.NuevaHoja("Carátula").Fila("A1", "POI 2024 — EMSAPUNO S.A.");
        var hoja = libro.NuevaHoja("F01 Gestión comercial");
        hoja.Fila("A1", "EMSAPUNO S.A.").Combinar("A1:Q1")
            .Fila("A2", "AÑO 2024")
            .Fila("A4", "Ficha de Proceso : FP 34 PLANIFICACIÓN Y PRESUPUESTO")
            // Months under a merged "Programación Mensual", the other headings merged over both rows.
            .Fila("A6", "N°", "Actividad Operativa", "Unidad de Medida", "Responsable", "Programación Mensual").Combinar("E6:P6")
            .Fila("Q6", "Total anual", "AEI", "Código", "Comportamiento", "Fecha de inicio", "Fecha de finalización")
            .Combinar("A6:A7").Combinar("B6:B7").Combinar("C6:C7").Combinar("D6:D7").Combinar("Q6:Q7").Combinar("R6:R7")
            .Fila("E7", "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic")
            .Fila("A8", "I. Actividades de Gestión Presupuestal")
            .Fila("A9", 1, new LibroDePrueba.TextoEnLinea("Certificación presupuestal"), "Certificación", "OPDE",
                "150", "150", "1,200", 150, 150, 150, 150, 150, 150, 150, 150, 150, "2,850", "AEI.04.03 : Mejorar la condición…", "PP-01", "suma", "Enero", "dic")
            .Fila("A10", "2", "Presupuesto en soles", "Soles", null,
                "17,009,620.80", null, "-", null, null, null, null, null, null, null, null, null, 17009620.8m, "AEI.04.02", null, null, 1, "Diciembre")
            .Combinar("D9:D10")
            .Fila("A12", "II. Actividades de Gestión de Planeamiento")
            .Fila("A13", "03", "Rendición de cuentas", "Informe", "OPDE",
                null, null, null, null, 1, null, null, null, null, null, null, null, new LibroDePrueba.Formula("SUM(E13:P13)", 1), "AEI.04.03", null, "Máximo", "Mayo", "Mayo")
            .Fila("A14", "TOTAL", null, null, null, new LibroDePrueba.Formula("SUM(E9:E13)", 17009770.8));
        libro.NuevaHoja("Notas", oculta: true).Fila("A1", "borrador");
        var r = Leer(libro);

        Assert.True(r.EsValido, Errores(r));
        Assert.Equal([new HojaPoiExcel("F01 Gestión comercial", "FP 34", "01.02", 3)], r.Hojas);
        Assert.Equal(["Carátula (sin tabla de actividades)", "Notas (hoja oculta)"], r.HojasIgnoradas.Order());
        var a = r.Poi.Actividades;
        Assert.Equal(["PP-01", "FP34-02", "FP34-03"], a.Select(x => x.Codigo));
        Assert.Equal(["01", "02", "03"], a.Select(x => x.Numero));
        Assert.Equal(["AEI.04.03", "AEI.04.02", "AEI.04.03"], a.Select(x => x.Aei));
        Assert.Equal([150, 150, 1200, 150, 150, 150, 150, 150, 150, 150, 150, 150], a[0].Programado);
        Assert.Equal([17009620.80m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], a[1].Programado);
        Assert.Equal(Comportamiento.Maximo, a[2].Comportamiento);
        Assert.Equal(["I. Actividades de Gestión Presupuestal", "I. Actividades de Gestión Presupuestal", "II. Actividades de Gestión de Planeamiento"],
            a.Select(x => x.Grupo));
        Assert.Equal([(1, 12), (1, 12), (5, 5)], a.Select(x => (x.MesInicio!.Value, x.MesFin!.Value)));
        Assert.Equal(["OPDE", "OPDE", "OPDE"], a.Select(x => x.Responsable)); // D9:D10 merged over two activities
        Assert.Equal(["Certificación", "Soles", "Informe"], a.Select(x => x.UnidadMedida));
        Assert.All(a, x => Assert.Equal(("FP 34", "01.02"), (x.Ficha, x.CentroCosto)));
        Assert.All(a, x => Assert.All(x.Ejecutado, Assert.Null));
    }

    [Fact]
    public void CadaError_NombraHojaFilaYColumna_YNoDevuelveNingunPoi()
    {
        var libro = new LibroDePrueba();
        Oficina(libro.NuevaHoja("F01 Gestión comercial"), ficha: "FP 34 PLANIFICACIÓN Y PRESUPUESTO",
            Fila("01", "Meses con texto", "AEI.04.03", [1, 1, "abc", 1, 1, 1, 1, 1, 1, 1, 1, 1], 12),
            Fila("02", "Negativo y coma decimal", "AEI.04.03", [-1, "1234,5", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10),
            Fila("03", "Decimales y errores", "AEI.04.03", [1.23456, new LibroDePrueba.Formula("1/0", null), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], null),
            Fila("04", "Total que no cuadra", "AEI.04.03", [330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330, 330], "3,950"),
            Fila("05", "AEI que no existe", "AEI.09.09", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1),
            Fila("05", "Número repetido", "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1),
            Fila("07", null, "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1));
        var r = Leer(libro);

        Assert.False(r.EsValido);
        Assert.Null(r.Poi);
        const string h = "Hoja 'F01 Gestión comercial'";
        Assert.Equal(
        [
            $"{h}, fila 8, columna F (Mar): «abc» no es un número.",
            $"{h}, fila 9, columna D (Ene): «-1» es negativo; las metas son 0 o más.",
            $"{h}, fila 9, columna E (Feb): «1234,5» no es un número: los decimales van con punto y los miles con coma (1,234.50).",
            $"{h}, fila 10, columna D (Ene): «1.23456» tiene más de 4 decimales; redondéelo.",
            $"{h}, fila 10, columna E (Feb): la fórmula =1/0 se guardó sin su valor; abra el libro en Excel o LibreOffice y guárdelo de nuevo.",
            $"{h}, fila 11, columna P (Total): La meta anual 3950 no coincide con los meses (suma = 3960). Tampoco es su promedio, su último valor ni su máximo; corrija los meses o el total.",
            $"{h}, fila 12, columna Q (AEI): «AEI.09.09» no es una AEI del PEI de la entidad.",
            $"{h}, fila 13, columna A (N°): el código FP34-05 se repite: ya está en la fila 12.",
            $"{h}, fila 14, columna B (Actividad Operativa): falta el nombre de la actividad.",
        ], r.Errores.Select(e => e.ToString()));
    }

    [Fact]
    public void ErroresDeEncabezado_FichaCentroAnioYAlineamiento_NombranLaCelda()
    {
        var libro = new LibroDePrueba();
        var h1 = libro.NuevaHoja("FP 99");
        h1.Fila("A2", "AÑO 2023");
        Oficina(h1, ficha: "FP 99 PROCESO QUE NO EXISTE", Fila("01", "Algo", "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1));
        var h2 = libro.NuevaHoja("Centro");
        h2.Fila("A3", "Unidad Orgánica :", null, "09.09 OFICINA INEXISTENTE");
        Oficina(h2, ficha: null, Fila("01", "Algo", "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1));
        var h3 = libro.NuevaHoja("Sin datos de hoja");
        Oficina(h3, ficha: null, Fila("01", "Algo", "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1));
        var h4 = libro.NuevaHoja("FP 06");
        h4.Fila("A3", "Objetivo Estratégico Institucional", "Acción Estratégica Institucional")
            .Fila("A4", "OEI.04 : Posicionar", "AEI. 04.99 : Acción inventada");
        Oficina(h4, ficha: null, Fila("01", "Algo", null, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1));
        var r = Leer(libro);

        Assert.Equal(
        [
            "Hoja 'FP 99', fila 2, columna A: la hoja es del año 2023 y se está importando el POI 2024: para empezar el POI 2024 con el libro del año anterior, elija «como año siguiente».",
            "Hoja 'FP 99', fila 5, columna A (Ficha de Proceso): «FP 99 PROCESO QUE NO EXISTE» no es una ficha de proceso de la entidad (FP 06, FP 22, FP 24, FP 34, FP 35, FP 36, FP 01, FP 04, FP 05, FP 07, FP 20, FP 08, …).",
            "Hoja 'Centro', fila 3, columna C (Unidad Orgánica): «09.09 OFICINA INEXISTENTE» no es un centro de costo de la entidad: escriba su código y nombre (01.02 OFICINA …) o su nombre exacto.",
            "Hoja 'Sin datos de hoja': no se sabe de qué ficha de proceso o centro de costo es la hoja: escriba «Ficha de Proceso : FP 06 …» o «Unidad Orgánica : 01.02 …» encima de la tabla, o ponga el código como nombre de la hoja.",
            "Hoja 'FP 06', fila 4, columna B (Acción Estratégica Institucional): «AEI. 04.99 : Acción inventada» no es una AEI del PEI de la entidad.",
        ], r.Errores.Select(e => e.ToString()));
    }

    [Fact]
    public void ComportamientoDeclarado_QueNoCuadraConElTotalOElTrimestre_EsError()
    {
        var libro = new LibroDePrueba();
        libro.NuevaHoja("FP 30")
            .Fila("A1", "Ficha de Proceso :", "FP 30")
            .Fila("A3", "Número", "Actividad Operativa", "Comportamiento", "E", "F", "M", "I Trimestre", "A", "M", "J", "II Trimestre",
                "J", "A", "S", "III Trimestre", "O", "N", "D", "IV Trimestre", "Meta", "AEI")
            .Fila("A4", "01", "Presión", "promedio", 21, 21, 21, 63, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 252, "AEI.01.01")
            .Fila("A5", "02", "Lo que sea", "a veces", 1, 1, 1, 3, 1, 1, 1, 3, 1, 1, 1, 3, 1, 1, 1, 3, 12, "AEI.01.01");
        var r = Leer(libro);

        Assert.Equal(
        [
            "Hoja 'FP 30', fila 4, columna G (I Trimestre): el subtotal 63 no coincide con los meses del trimestre (promedio = 21).",
            "Hoja 'FP 30', fila 4, columna T (Meta): La meta anual 252 no coincide con los meses (promedio = 21).",
            "Hoja 'FP 30', fila 5, columna C (Comportamiento): «a veces» no es un comportamiento: use suma, promedio, último o máximo.",
        ], r.Errores.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TitulosSinLosDoceMeses_EsErrorDeLaFilaDeTitulos()
    {
        var libro = new LibroDePrueba();
        libro.NuevaHoja("FP 06").Fila("A1", "Ficha de Proceso :", "FP 06")
            .Fila("A3", "N°", "Actividad", "Ene", "Feb", "Mar", "Abr", "May", "Jul", "Jun", "Ago", "Set", "Oct", "Nov", "Dic")
            .Fila("A4", "01", "Algo", 1);
        var r = Leer(libro);

        var e = Assert.Single(r.Errores);
        Assert.Equal(("FP 06", 3), (e.Hoja, e.Fila));
        Assert.StartsWith("los títulos de la tabla de actividades deben tener las 12 columnas de meses en orden", e.Mensaje, StringComparison.Ordinal);
    }

    [Fact]
    public void ArchivoQueNoEsXlsx_OLibroSinTablas_UnSoloErrorClaro()
    {
        var noXlsx = LectorPoiExcel.Leer(new MemoryStream(Encoding.UTF8.GetBytes("Número;Actividad\n01;Algo")), Contexto());
        Assert.StartsWith("El archivo no es un libro de Excel .xlsx", Assert.Single(noXlsx.Errores).ToString(), StringComparison.Ordinal);

        var libro = new LibroDePrueba();
        libro.NuevaHoja("Hoja1").Fila("A1", "Hola");
        var sinTablas = Leer(libro);
        Assert.StartsWith("El libro no tiene ninguna hoja con la tabla de actividades", Assert.Single(sinTablas.Errores).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,234", 1234d)]
    [InlineData("17,009,620.80", 17009620.80)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("", 0d)]
    [InlineData("-", 0d)]
    [InlineData("0.30000000000000004", null)] // typed as text: the decimals are what the office wrote
    public void NumerosEscritosComoTexto(string texto, double? esperado)
    {
        var libro = new LibroDePrueba();
        Oficina(libro.NuevaHoja("FP 06"), ficha: "FP 06", Fila("01", "Algo", null, [texto, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], null));
        var r = Leer(libro);
        if (esperado is null)
        {
            Assert.Contains("más de 4 decimales", Assert.Single(r.Errores).Mensaje, StringComparison.Ordinal);
            return;
        }
        Assert.True(r.EsValido, Errores(r));
        Assert.Equal((decimal)esperado.Value, r.Poi.Actividades[0].Programado[0]);
    }

    [Fact]
    public void NumeroGuardadoComoDouble_SeLeeComoLoMuestraLaHoja()
    {
        var libro = new LibroDePrueba();
        Oficina(libro.NuevaHoja("FP 06"), ficha: "FP 06", Fila("01", "Algo", null, [0.1 + 0.2, 1361982.97, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], null));
        var r = Leer(libro);
        Assert.True(r.EsValido, Errores(r));
        Assert.Equal([0.3m, 1361982.97m], r.Poi.Actividades[0].Programado.Take(2));
    }

    private static ContextoPoiExcel Contexto() => ContextoPoiExcel.Desde(Demo(), 2024) with { PoiActual = null };

    [Fact]
    public void TextosFueraDeLimite_SeRechazanEnSuCelda_ConLaReglaDelDominio()
    {
        var libro = new LibroDePrueba();
        Oficina(libro.NuevaHoja("FP 34"), ficha: "FP 34 PLANIFICACIÓN Y PRESUPUESTO",
            Fila("01", new string('n', 501), "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1),
            Fila(new string('9', 41), "Código largo", "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1),
            ["03", "Unidad larga", new string('u', 501), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, "AEI.04.03"]);
        var r = Leer(libro);

        Assert.Null(r.Poi);
        Assert.Equal(
        [
            "Hoja 'FP 34', fila 8, columna B (Actividad Operativa): admite hasta 500 caracteres (tiene 501).",
            "Hoja 'FP 34', fila 9, columna A (N°): admite hasta 40 caracteres (tiene 41).",
            "Hoja 'FP 34', fila 10, columna C (Unidad de Medida): admite hasta 500 caracteres (tiene 501).",
        ], r.Errores.Select(e => e.ToString()));
    }

    [Fact]
    public void SaltoDeLineaEnElNombre_SeLeeComoUnEspacio()
    {
        var libro = new LibroDePrueba();
        Oficina(libro.NuevaHoja("FP 34"), ficha: "FP 34 PLANIFICACIÓN Y PRESUPUESTO",
            Fila("01", "Formulación del\r\n  presupuesto\tinstitucional", "AEI.04.03", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1));
        var r = Leer(libro);

        Assert.True(r.EsValido, Errores(r));
        Assert.Equal("Formulación del presupuesto institucional", Assert.Single(r.Poi.Actividades).Nombre);
    }

    [Fact]
    public void MesDeInicioPosteriorAlDeFin_SeRechazaConLaReglaDelDominio()
    {
        var libro = new LibroDePrueba();
        var hoja = libro.NuevaHoja("FP 34");
        hoja.Fila("A5", "Ficha de Proceso : FP 34 PLANIFICACIÓN Y PRESUPUESTO");
        hoja.Fila("A7", "N°", "Actividad Operativa", "Unidad de Medida", "Fecha de Inicio", "Fecha de Término",
            "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic", "Total", "AEI");
        hoja.Fila("A8", "01", "Informe", "Informe", "Mayo", "Marzo", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, "AEI.04.03");
        var r = Leer(libro);

        Assert.Equal(["Hoja 'FP 34', fila 8, columna E (Fecha de Término): el mes de inicio (mayo) es posterior al mes de fin (marzo)."],
            r.Errores.Select(e => e.ToString()));
    }

    private static ResultadoPoiExcel Leer(LibroDePrueba libro) => LectorPoiExcel.Leer(libro.Guardar(), Contexto());

    private static object?[] Fila(string? numero, string? nombre, string? aei, object?[] meses, object? total) =>
        [numero, nombre, "Informe", .. meses, total, aei];

    /// <summary>
    /// The office's plain layout: "Ficha de Proceso : …" in one cell at A5, then one heading row at A7
    /// (N°, Actividad Operativa, Unidad de Medida, Ene … Dic, Total, AEI) and the rows from A8.
    /// </summary>
    private static void Oficina(LibroDePrueba.Hoja hoja, string? ficha, params object?[][] filas)
    {
        if (ficha is not null) hoja.Fila("A5", $"Ficha de Proceso : {ficha}");
        hoja.Fila("A7", "N°", "Actividad Operativa", "Unidad de Medida", "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic",
            "Total", "AEI");
        for (var i = 0; i < filas.Length; i++) hoja.Fila($"A{8 + i}", filas[i]);
    }
}
