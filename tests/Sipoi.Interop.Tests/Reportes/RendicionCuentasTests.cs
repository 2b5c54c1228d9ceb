using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>The accountability report of a government plan (Word and Excel): valid, and every figure from the domain's evaluation.</summary>
public class RendicionCuentasTests
{
    private static T ConId<T>(T entidad, int id)
    {
        typeof(T).GetProperty("Id")!.SetValue(entidad, id);
        return entidad;
    }

    /// <summary>Two Puno plan targets in the I semestre 2022: 76 of 40→80 (90 %, Medio) and 14 of 20→10 (60 %, Bajo), one with districts.</summary>
    internal static RendicionCuentas Ejemplo(bool conPoi = true)
    {
        var plan = new PlanGobierno(1, "Plan de Gobierno Municipal 2019 – 2022", "Plan de Gobierno", 2019, 2022);
        var dim = ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Dimensión institucional", "D4"), 1);
        var obj = ConId(plan.AgregarElemento(dim, NivelPlanGobierno.Objetivo, "Participación, comunicación y concertación", "2"), 2);
        var meta = ConId(plan.AgregarElemento(obj, NivelPlanGobierno.Meta, "Incrementar la cobertura de participación ciudadana al 80%", "2.1"), 3);
        var otra = ConId(plan.AgregarElemento(obj, NivelPlanGobierno.Meta, "Reducir los reclamos", "2.2"), 4);
        plan.DefinirMedicion(meta, new MedicionMeta("Cobertura de participación ciudadana", "%", Sentido.Ascendente, 40, 2018, 80, 2022,
            [new DistritoMeta("Puno", 45, 85), new DistritoMeta("Ácora", null, 70)]));
        plan.DefinirMedicion(otra, new MedicionMeta("Reclamos por mes", "reclamos", Sentido.Descendente, 20, 2018, 10, 2022, []));
        var hoy = new DateOnly(2022, 12, 31);
        plan.RegistrarSemestre(meta, 2022, 1, 76, "Se instalaron mesas de concertación en 12 distritos.",
            new Dictionary<string, decimal?> { ["Puno"] = 85, ["Ácora"] = 35 }, hoy);
        plan.RegistrarSemestre(otra, 2022, 1, 14, null, new Dictionary<string, decimal?>(), hoy);
        var dims = EvaluacionPlanGobierno.Evaluar(plan, 2022, 1, EsquemaBandas.Nacional);
        return RendicionCuentas.Desde("MUNICIPALIDAD PROVINCIAL DE PUNO", plan, 2022, 1, EsquemaBandas.Nacional, dims,
            id => !conPoi ? null : id == 2 ? [new AeiRendicion("AEI.02.01", "Participación vecinal", 4, 3, 87.5m, Banda.Medio)] : []);
    }

    [Fact]
    public void Word_EsValidoYLlevaObjetivosMetasNotasYDistritos()
    {
        using var d = new Docx(s => RendicionCuentasWord.Escribir(Ejemplo(), s), "rendicion-cuentas.docx");
        Assert.Empty(d.Errores());
        Assert.Contains("Informe de rendición de cuentas", d.Parrafos.Take(3));
        Assert.Contains("Evaluación del I semestre 2022", d.Parrafos.Take(6));
        Assert.Equal(
            [(1, "1. Método"), (1, "2. Avance de los objetivos y metas"),
             (2, "Dimensión D4: Dimensión institucional — logro 75.00 % (Medio)"),
             (3, "Objetivo 2: Participación, comunicación y concertación — logro 75.00 % (Medio)"),
             (1, "3. Indicadores distritales")],
            d.Encabezados);
        var seccion = d.Seccion("Objetivo 2: Participación, comunicación y concertación — logro 75.00 % (Medio)");
        var tablas = seccion.OfType<DocumentFormat.OpenXml.Wordprocessing.Table>().Select(Docx.Celdas).ToList();
        Assert.Equal(2, tablas.Count);
        var metas = tablas[0];
        Assert.Equal(["Meta / indicador", "Unidad", "Línea base", "Meta", "Obtenido", "Logro", "Desempeño"], metas[0]);
        Assert.Equal(["Meta 2.1: Incrementar la cobertura de participación ciudadana al 80%. Indicador: Cobertura de participación ciudadana",
            "%", "40 (2018)", "80 (2022)", "76.00", "90.00 %", "Medio"], metas[1]);
        Assert.Equal(["20 (2018)", "10 (2022)", "14.00", "60.00 %", "Bajo"], metas[2].Skip(2));
        Assert.Equal(["AEI.02.01 Participación vecinal", "4", "3", "87.50 %", "Medio"], tablas[1][1]);
        Assert.Contains(seccion.Select(e => e.InnerText), t => t.Contains("Meta 2.1: Incrementar la cobertura de participación ciudadana al 80%: Se instalaron mesas de concertación en 12 distritos.", StringComparison.Ordinal));
        var distritos = Docx.Celdas(d.Seccion("3. Indicadores distritales").OfType<DocumentFormat.OpenXml.Wordprocessing.Table>().Single());
        Assert.Equal(["Puno", "45.00", "85.00", "85.00", "100.00 %", "Alto"], distritos[1].Skip(1));
        // Ácora has no baseline: 35 / 70 = 50 %.
        Assert.Equal(["Ácora", "—", "70.00", "35.00", "50.00 %", "Bajo"], distritos[2].Skip(1));
    }

    [Fact]
    public void Excel_EsValidoConMetasYDistritos()
    {
        using var x = new Xlsx(s => RendicionCuentasExcel.Escribir(Ejemplo(), s), "rendicion-cuentas.xlsx");
        Assert.Empty(x.Errores());
        Assert.Equal(["Metas", "Distritos"], x.Hojas);
        Assert.Equal("MUNICIPALIDAD PROVINCIAL DE PUNO", x.Texto("Metas", "A1"));
        Assert.Equal("Metas del plan: I semestre 2022", x.Texto("Metas", "A2"));
        Assert.Equal("Dimensión", x.Texto("Metas", "A5"));
        Assert.Equal("Nota cualitativa", x.Texto("Metas", "J5"));
        Assert.Equal("Objetivo 2: Participación, comunicación y concertación", x.Texto("Metas", "B6"));
        Assert.Equal(76, x.Numero("Metas", "G6"));
        Assert.Equal(90, x.Numero("Metas", "H6"));
        Assert.Equal("Medio", x.Texto("Metas", "I6"));
        Assert.Equal("Se instalaron mesas de concertación en 12 distritos.", x.Texto("Metas", "J6"));
        Assert.Equal(60, x.Numero("Metas", "H7"));
        Assert.Equal("Ácora", x.Texto("Distritos", "B7"));
        Assert.Equal(50, x.Numero("Distritos", "F7"));
    }

    [Fact]
    public void SinPoiNiDistritos_NoImprimeEsasTablas()
    {
        using var d = new Docx(s => RendicionCuentasWord.Escribir(Ejemplo(conPoi: false) with { Distritos = null }, s));
        Assert.Empty(d.Errores());
        Assert.DoesNotContain(d.Encabezados, e => e.Texto == "3. Indicadores distritales");
        var seccion = d.Seccion("Objetivo 2: Participación, comunicación y concertación — logro 75.00 % (Medio)");
        Assert.Single(seccion.OfType<DocumentFormat.OpenXml.Wordprocessing.Table>());
    }
}
