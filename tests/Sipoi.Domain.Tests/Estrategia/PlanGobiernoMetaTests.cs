using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;

namespace Sipoi.Domain.Tests.Estrategia;

/// <summary>The plan targets' measurement, semester values and achievement (Pages/PlanesGobierno/README.md, "Logro de una meta").</summary>
public sealed class PlanGobiernoMetaTests
{
    private static readonly DateOnly Hoy = new(2022, 12, 31);

    private static T ConId<T>(T entidad, int id)
    {
        typeof(T).GetProperty("Id")!.SetValue(entidad, id);
        return entidad;
    }

    private static MedicionMeta Medicion(Sentido sentido = Sentido.Ascendente, decimal? lb = 40, int? lbAnio = 2018, decimal? meta = 80,
        int? anio = 2022, params DistritoMeta[] distritos) =>
        new("Cobertura de participación ciudadana", "%", sentido, lb, lbAnio, meta, anio, distritos);

    /// <summary>The Puno plan's shape: dimension → objective → programme → target, ids as saved.</summary>
    private static (PlanGobierno Plan, ElementoPlanGobierno Objetivo, ElementoPlanGobierno Meta) Plan()
    {
        var plan = new PlanGobierno(1, "Plan de Gobierno Municipal 2019 – 2022", "Plan de Gobierno", 2019, 2022);
        var dim = ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Dimensión institucional"), 1);
        var obj = ConId(plan.AgregarElemento(dim, NivelPlanGobierno.Objetivo, "Participación, comunicación y concertación", "2"), 2);
        var prog = ConId(plan.AgregarElemento(obj, NivelPlanGobierno.Intervencion, "Programa participación ciudadana", "2.0", "programa"), 3);
        var meta = ConId(plan.AgregarElemento(prog, NivelPlanGobierno.Meta, "Incrementar la cobertura de participación ciudadana al 80%"), 4);
        return (plan, obj, meta);
    }

    [Theory]
    // Increase from a baseline: half of the way from 40 to 80.
    [InlineData(Sentido.Ascendente, 40, 80, 60, 50)]
    // Beyond the target: shown raw (125 %), capped only for the band.
    [InlineData(Sentido.Ascendente, 40, 80, 90, 125)]
    // Moved away from the target: negative.
    [InlineData(Sentido.Ascendente, 40, 80, 30, -25)]
    // Decrease from a baseline (anaemia 20 % → 10 %): 6 of the 10 points.
    [InlineData(Sentido.Descendente, 20, 10, 14, 60)]
    public void Avance_ConLineaBaseMideElTramoRecorrido(Sentido sentido, decimal lb, decimal meta, decimal obtenido, decimal esperado) =>
        Assert.Equal(esperado, LogroMetaPlan.Avance(sentido, lb, meta, obtenido));

    [Fact]
    public void Avance_SinLineaBaseEsElLogroDelIndicador()
    {
        Assert.Equal(75m, LogroMetaPlan.Avance(Sentido.Ascendente, null, 80, 60));
        Assert.Equal(80m, LogroMetaPlan.Avance(Sentido.Descendente, null, 10, 12.5m));
        // Baseline equal to the target ("keep the value"): the indicator's rule too.
        Assert.Equal(100m, LogroMetaPlan.Avance(Sentido.Ascendente, 80, 80, 80));
        Assert.Null(LogroMetaPlan.Avance(Sentido.Ascendente, 40, 80, null));
        Assert.Null(LogroMetaPlan.Avance(Sentido.Ascendente, 40, null, 60));
    }

    [Fact]
    public void DefinirMedicion_GuardaLosDatosYElDesglose()
    {
        var (plan, _, meta) = Plan();
        Assert.False(meta.Medible);
        plan.DefinirMedicion(meta, Medicion(distritos: [new("Puno", 45, 85), new("Ácora", null, 70)]));
        Assert.True(meta.Medible);
        Assert.Equal(("Cobertura de participación ciudadana", "%", Sentido.Ascendente, 40m, 2018, 80m, 2022),
            (meta.Indicador, meta.MetaUnidad, meta.Sentido, meta.LineaBaseValor, meta.LineaBaseAnio, meta.MetaValor, meta.MetaAnio));
        Assert.Equal(["Puno", "Ácora"], meta.Distritos.OrderBy(d => d.Orden).Select(d => d.Distrito));
        plan.DefinirMedicion(meta, Medicion(distritos: [new("ácora ", 10, 70)]));
        Assert.Equal(10m, Assert.Single(meta.Distritos).LineaBase);
    }

    [Fact]
    public void DefinirMedicion_RechazaNombrandoElCampo()
    {
        var (plan, obj, meta) = Plan();
        Rechazo.Con(() => plan.DefinirMedicion(obj, Medicion()), "Solo las metas del plan tienen indicador, línea base y valores obtenidos.");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion() with { Indicador = " " }), "El campo indicador es obligatorio.");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(Sentido.NoDefinido)), "Sentido: indique si el valor debe aumentar o disminuir.");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(meta: null)), "El campo valor de la meta es obligatorio.");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(anio: 2023)), "Año de la meta: 2023 está fuera del periodo del plan (2019–2022).");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(lbAnio: null)), "Línea base: indique el valor y el año, o deje ambos vacíos.");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(lbAnio: 2023, anio: 2022)), "Año de la línea base: 2023 es posterior al año de la meta (2022).");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(meta: 30)), "Meta: el valor debe aumentar, pero la meta (30) es menor que la línea base (40).");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(Sentido.Descendente, 20, meta: 25)), "Meta: el valor debe disminuir, pero la meta (25) es mayor que la línea base (20).");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(distritos: [new("Puno", 50, 45)])), "Distrito Puno, meta: el valor debe aumentar");
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion(distritos: [new("Puno", null, 1), new("PUNO", null, 2)])), "Distrito PUNO: está repetido en el desglose.");
        Assert.False(meta.Medible);
    }

    [Fact]
    public void RegistrarSemestre_GuardaValorNotaYDistritos()
    {
        var (plan, _, meta) = Plan();
        plan.DefinirMedicion(meta, Medicion(distritos: [new("Puno", 45, 85), new("Ácora", null, 70)]));
        var v = plan.RegistrarSemestre(meta, 2021, 2, 60, "Se instalaron 12 mesas de concertación.", new Dictionary<string, decimal?> { ["Puno"] = 65, ["Ácora"] = null }, Hoy);
        Assert.Equal((60m, "Se instalaron 12 mesas de concertación."), (v!.Valor, v.Nota));
        Assert.Equal(65m, meta.Valor(2021, 2, "Puno")!.Valor);
        Assert.Null(meta.Valor(2021, 2, "Ácora"));
        Assert.Equal(50m, meta.Avance(2021, 2));

        // Correcting: the value changes in place; an empty total with nothing else removes the semester.
        plan.RegistrarSemestre(meta, 2021, 2, 62, null, new Dictionary<string, decimal?>(), Hoy);
        Assert.Equal((62m, (string?)null), (meta.Valor(2021, 2)!.Valor, meta.Valor(2021, 2)!.Nota));
        Assert.Null(meta.Valor(2021, 2, "Puno"));
        Assert.Null(plan.RegistrarSemestre(meta, 2021, 2, null, null, new Dictionary<string, decimal?>(), Hoy));
        Assert.Empty(meta.Valores);
    }

    [Fact]
    public void RegistrarSemestre_RechazaNombrandoElCampo()
    {
        var (plan, _, meta) = Plan();
        var sinDistritos = new Dictionary<string, decimal?>();
        Rechazo.Con(() => plan.RegistrarSemestre(meta, 2021, 1, 50, null, sinDistritos, Hoy),
            "Meta «Incrementar la cobertura de participación ciudadana al 80%»: defina primero su indicador, sentido, valor y año de la meta.");
        plan.DefinirMedicion(meta, Medicion(distritos: [new("Puno", 45, 85)]));
        Rechazo.Con(() => plan.RegistrarSemestre(meta, 2021, 3, 50, null, sinDistritos, Hoy), "Semestre: elija el I o el II semestre.");
        Rechazo.Con(() => plan.RegistrarSemestre(meta, 2018, 1, 50, null, sinDistritos, Hoy), "Año: 2018 está fuera del periodo del plan (2019–2022).");
        Rechazo.Con(() => plan.RegistrarSemestre(meta, 2022, 2, 50, null, sinDistritos, new DateOnly(2022, 6, 30)),
            "El II semestre 2022 aún no empieza: no tiene valor obtenido que registrar.");
        Rechazo.Con(() => plan.RegistrarSemestre(meta, 2021, 1, 50, null, new Dictionary<string, decimal?> { ["Vilque"] = 3 }, Hoy),
            "Distrito Vilque: no está en el desglose de esta meta.");
        Rechazo.Con(() => plan.RegistrarSemestre(meta, 2021, 1, null, "Avance cualitativo", sinDistritos, Hoy),
            "Valor obtenido del I semestre 2021: escríbalo; la nota y los valores por distrito acompañan al valor de la meta.");
        Assert.Empty(meta.Valores);

        plan.RegistrarSemestre(meta, 2021, 1, 50, null, new Dictionary<string, decimal?> { ["Puno"] = 50 }, Hoy);
        Rechazo.Con(() => plan.DefinirMedicion(meta, Medicion()),
            "No se puede quitar del desglose el distrito Puno: tiene valores obtenidos registrados. Bórrelos primero.");
        Assert.Single(meta.Distritos);
    }

    [Fact]
    public void Evaluar_PorDimensionYObjetivoConLasBandasDelPoi()
    {
        var (plan, obj, meta) = Plan();
        plan.DefinirMedicion(meta, Medicion(distritos: [new("Puno", 45, 85)]));
        var otra = ConId(plan.AgregarElemento(obj, NivelPlanGobierno.Meta, "Reducir los reclamos", "2.b"), 5);
        plan.DefinirMedicion(otra, new MedicionMeta("Reclamos por mes", "reclamos", Sentido.Descendente, 20, 2018, 10, 2022, []));
        var sinMedir = ConId(plan.AgregarElemento(obj, NivelPlanGobierno.Meta, "Meta sin indicador", "2.c"), 6);
        plan.RegistrarSemestre(meta, 2022, 1, 76, "Mesas distritales instaladas.", new Dictionary<string, decimal?> { ["Puno"] = 85 }, Hoy);
        plan.RegistrarSemestre(otra, 2022, 1, 14, null, new Dictionary<string, decimal?>(), Hoy);

        var dimension = Assert.Single(EvaluacionPlanGobierno.Evaluar(plan, 2022, 1, EsquemaBandas.Emsapuno));
        var objetivo = Assert.Single(dimension.Objetivos);
        Assert.Equal([meta, otra, sinMedir], objetivo.Metas.Select(m => m.Meta));
        var m1 = objetivo.Metas.Single(m => m.Meta == meta);
        // (76 − 40) / (80 − 40) = 90 %: EMSAPUNO's Medio (80–90), where the national bands would say Medio too.
        Assert.Equal((76m, 90m, Banda.Medio, "Programa participación ciudadana", "Mesas distritales instaladas."), (m1.Obtenido, m1.Avance, m1.Banda, m1.Intervencion, m1.Nota));
        Assert.Equal((100m, Banda.Alto), (m1.Distritos[0].Avance, m1.Distritos[0].Banda));
        var m2 = objetivo.Metas.Single(m => m.Meta == otra);
        Assert.Equal((60m, Banda.Bajo), (m2.Avance, m2.Banda));
        Assert.Null(objetivo.Metas.Single(m => m.Meta == sinMedir).Avance);
        // The objective: simple mean of 90 and 60 (the unmeasured target is ND, left out) = 75 → Bajo under EMSAPUNO (< 80).
        Assert.Equal((75m, Banda.Bajo), (objetivo.Valor, objetivo.Banda));
        Assert.Equal((75m, Banda.Bajo), (dimension.Valor, dimension.Banda));
        // Another semester without values: every figure ND.
        var vacio = Assert.Single(EvaluacionPlanGobierno.Evaluar(plan, 2021, 2, EsquemaBandas.Nacional));
        Assert.Null(vacio.Objetivos[0].Valor);
        Assert.Null(vacio.Banda);
    }
}
