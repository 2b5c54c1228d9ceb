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

        Assert.Throws<ReglaDominioException>(() => plan.AgregarElemento(null, NivelPlanGobierno.Objetivo, "Suelto"));
        Assert.Throws<ReglaDominioException>(() => plan.AgregarElemento(meta, NivelPlanGobierno.Meta, "Meta bajo meta"));
        Assert.Throws<ReglaDominioException>(() => plan.AgregarElemento(obj, NivelPlanGobierno.Intervencion, "Sin tipo"));
        Assert.Throws<ReglaDominioException>(() => plan.AgregarElemento(obj, NivelPlanGobierno.Intervencion, "Código repetido", "3.0", "actividad"));
        Assert.Throws<ReglaDominioException>(() => plan.AgregarElemento(dim, NivelPlanGobierno.Problema, "Con meta", metaValor: 5));
        var otro = new PlanGobierno(1, "Otro", "PDLC", 2020, 2030).AgregarElemento(null, NivelPlanGobierno.Dimension, "Ajena");
        Assert.Throws<ReglaDominioException>(() => plan.AgregarElemento(otro, NivelPlanGobierno.Problema, "Bajo otro plan"));
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
        Assert.Throws<ReglaDominioException>(() => obj.Alinear(null, 5));
        Assert.Throws<ReglaDominioException>(() => dim.Alinear(3, null));
        Assert.Equal(2, obj.Alineamientos.Count);
    }
}
