using Sipoi.Domain.Estrategia;

namespace Sipoi.Domain.Tests.Estrategia;

public sealed class PlanGobiernoTests
{
    [Fact]
    public void Cadena_RespetaElOrdenDeNiveles()
    {
        var plan = new PlanGobierno(1, "Plan de Gobierno Municipal 2019 – 2022", "Plan de Gobierno", 2019, 2022);
        var dim = plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Dimensión institucional");
        var prob = plan.AgregarElemento(dim, NivelPlanGobierno.Problema, "Baja capacidad de gestión");
        var obj = plan.AgregarElemento(prob, NivelPlanGobierno.Objetivo, "Eficiencia y producción", "3");
        var prog = plan.AgregarElemento(obj, NivelPlanGobierno.Intervencion, "Programa gestión estratégica", "3.0", "programa");
        var proy = plan.AgregarElemento(prog, NivelPlanGobierno.Intervencion, "Proyecto competitividad", "3.1", "proyecto");
        var meta = plan.AgregarElemento(proy, NivelPlanGobierno.Meta, "Mejorar la gestión", metaValor: 100, metaUnidad: "%");
        Assert.Equal(6, plan.Elementos.Count);
        Assert.Equal(100m, meta.MetaValor);

        Rechazo.Con(() => plan.AgregarElemento(null, NivelPlanGobierno.Objetivo, "Suelto"), "Un elemento de nivel Objetivo debe ir debajo de: Problema o Dimensión.");
        Rechazo.Con(() => plan.AgregarElemento(meta, NivelPlanGobierno.Meta, "Meta bajo meta"), "Un elemento de nivel Meta no puede ir debajo de un elemento de nivel Meta.");
        Rechazo.Con(() => plan.AgregarElemento(obj, NivelPlanGobierno.Intervencion, "Sin tipo"), "Indique si la intervención es un programa, un proyecto o una actividad.");
        Rechazo.Con(() => plan.AgregarElemento(obj, NivelPlanGobierno.Intervencion, "Código repetido", "3.0", "actividad"), "El código 3.0 ya existe en este plan.");
        Rechazo.Con(() => plan.AgregarElemento(dim, NivelPlanGobierno.Problema, "Con meta", metaValor: 5), "El valor y la unidad de la meta solo se indican en elementos de nivel Meta.");
        var otro = new PlanGobierno(1, "Otro", "PDLC", 2020, 2030).AgregarElemento(null, NivelPlanGobierno.Dimension, "Ajena");
        Rechazo.Con(() => plan.AgregarElemento(otro, NivelPlanGobierno.Problema, "Bajo otro plan"), "El elemento superior no pertenece a este plan.");
        Assert.Equal(6, plan.Elementos.Count);
    }

    [Fact]
    public void Alinear_SoloObjetivosYSinRepetir()
    {
        var plan = new PlanGobierno(1, "Plan", "PDLC", 2019, 2022);
        var dim = plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Social");
        var obj = plan.AgregarElemento(dim, NivelPlanGobierno.Objetivo, "Agua para todos");
        obj.Alinear(null, 5);
        obj.Alinear(3, null);
        Rechazo.Con(() => obj.Alinear(null, 5), "Ese OEI o AEI ya está alineado a este objetivo.");
        Rechazo.Con(() => dim.Alinear(3, null), "Solo los objetivos del plan se alinean a un OEI o a una AEI.");
        Assert.Equal(2, obj.Alineamientos.Count);
    }

    [Fact]
    public void ObjetivosEnOrden_PorLosCodigosDeSusDimensiones_NoPorSusNombres()
    {
        // The Puno plan: «Dimensión social» is 4.1 and «Dimensión ambiental» 4.3; 4.10 goes after 4.2.
        var plan = new PlanGobierno(1, "Plan", "Plan de Gobierno", 2019, 2022);
        var social = ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Dimensión social", "4.1"), 1);
        var ambiental = ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Dimensión ambiental", "4.3"), 2);
        var sinCodigo = ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Algo sin código"), 3);
        var a = plan.AgregarElemento(ambiental, NivelPlanGobierno.Objetivo, "Bahía limpia", "4.3.1");
        var s10 = plan.AgregarElemento(social, NivelPlanGobierno.Objetivo, "Cultura", "4.1.10");
        var s2 = plan.AgregarElemento(social, NivelPlanGobierno.Objetivo, "Vida digna", "4.1.2");
        var x = plan.AgregarElemento(sinCodigo, NivelPlanGobierno.Objetivo, "Objetivo suelto");

        Assert.Equal([s2, s10, a, x], plan.ObjetivosEnOrden());
    }

    private static T ConId<T>(T entidad, int id)
    {
        // The alignments point at saved OEIs and AEIs: give them the ids the database would.
        typeof(T).GetProperty("Id")!.SetValue(entidad, id);
        return entidad;
    }

    /// <summary>The POI's PEI (id 1: OEI.01 with AEI.01.01; OEI.02 with AEI.02.02 priority 2 and AEI.02.01 priority 1) and an older one (id 2).</summary>
    private static (Pei Vigente, Pei Anterior) Peis()
    {
        var vigente = ConId(new Pei(1, "PEI-2024-2027", 2024, 2027), 1);
        var oei1 = ConId(vigente.AgregarOei("OEI.01", "Ampliar la cobertura", 1), 11);
        ConId(vigente.AgregarAei(oei1, "AEI.01.01", "Redes de agua", 1), 111);
        var oei2 = ConId(vigente.AgregarOei("OEI.02", "Mejorar la gestión", 2), 12);
        ConId(vigente.AgregarAei(oei2, "AEI.02.02", "Gestión comercial", 2), 122);
        ConId(vigente.AgregarAei(oei2, "AEI.02.01", "Planeamiento", 1), 121);
        var anterior = ConId(new Pei(1, "PEI-2019-2023", 2019, 2023), 2);
        var viejo = ConId(anterior.AgregarOei("OEI.01", "Ampliar la cobertura", 1), 21);
        ConId(anterior.AgregarAei(viejo, "AEI.01.01", "Redes de agua", 1), 211);
        return (vigente, anterior);
    }

    [Fact]
    public void AeisQueLoSirven_DirectasYPorSuOeiPorPrioridadCadaUnaUnaVez()
    {
        var (vigente, anterior) = Peis();
        var plan = new PlanGobierno(1, "Plan", "PDLC", 2023, 2026);
        var objetivo = plan.AgregarElemento(ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Social"), 1), NivelPlanGobierno.Objetivo, "Agua");
        objetivo.Alinear(null, 121);
        objetivo.Alinear(12, null);
        objetivo.Alinear(11, null);

        var servicio = objetivo.AeisQueLoSirven(vigente, [vigente, anterior]);

        // AEI.02.01 first (aligned directly, so not again through OEI.02); OEI.02's others by priority; then OEI.01's.
        Assert.Equal(["AEI.02.01", "AEI.02.02", "AEI.01.01"], servicio.Aeis.Select(a => a.Aei.Codigo));
        Assert.Equal([null, "OEI.02", "OEI.01"], servicio.Aeis.Select(a => a.PorOei?.Codigo));
        Assert.Empty(servicio.FueraDelPei);
    }

    [Fact]
    public void AeisQueLoSirven_OtroPeiNoTraeNadaAunqueCoincidaElCodigo()
    {
        var (vigente, anterior) = Peis();
        var plan = new PlanGobierno(1, "Plan", "PDLC", 2019, 2022);
        var objetivo = plan.AgregarElemento(ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Social"), 1), NivelPlanGobierno.Objetivo, "Agua");
        objetivo.Alinear(null, 211);
        objetivo.Alinear(21, null);

        var servicio = objetivo.AeisQueLoSirven(vigente, [vigente, anterior]);

        Assert.Empty(servicio.Aeis);
        Assert.Equal(["AEI.01.01 (PEI-2019-2023)", "OEI.01 (PEI-2019-2023)"], servicio.FueraDelPei);
    }

    [Fact]
    public void ObjetivosEnOrden_PorRutaLuegoCodigoYConSuRuta()
    {
        var plan = new PlanGobierno(1, "Plan", "PDLC", 2019, 2022);
        var social = ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Social"), 1);
        var economica = ConId(plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Económica"), 2);
        var agua = ConId(plan.AgregarElemento(social, NivelPlanGobierno.Problema, "Bajo acceso a agua"), 3);
        plan.AgregarElemento(social, NivelPlanGobierno.Objetivo, "Sin problema", "2");
        plan.AgregarElemento(agua, NivelPlanGobierno.Objetivo, "Cobertura", "1.2");
        plan.AgregarElemento(agua, NivelPlanGobierno.Objetivo, "Continuidad", "1.1");
        plan.AgregarElemento(economica, NivelPlanGobierno.Objetivo, "Empleo", "9");

        var objetivos = plan.ObjetivosEnOrden();

        Assert.Equal(["Empleo", "Sin problema", "Continuidad", "Cobertura"], objetivos.Select(o => o.Descripcion));
        Assert.Equal("Dimensión: Social › Problema: Bajo acceso a agua", plan.Ruta(objetivos[2]));
        Assert.Equal("Dimensión: Económica", plan.Ruta(objetivos[0]));
    }
}
