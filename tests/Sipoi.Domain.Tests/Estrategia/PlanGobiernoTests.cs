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
}
