using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Estrategia;

/// <summary>Correcting and removing plan nodes, and the removal rules of the objects the exchange file carries.</summary>
public sealed class EdicionPlanGobiernoTests
{
    [Fact]
    public void EditarElemento_SigueLasReglasDeLaCadena()
    {
        var plan = new PlanGobierno(1, "Plan", "PDLC", 2019, 2022);
        var dim = plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Social", "1");
        var obj = plan.AgregarElemento(dim, NivelPlanGobierno.Objetivo, "Agua para todos", "1.1");
        var prog = plan.AgregarElemento(obj, NivelPlanGobierno.Intervencion, "Programa agua", "1.1.1", "programa");
        var meta = plan.AgregarElemento(prog, NivelPlanGobierno.Meta, "Cobertura", metaValor: 80, metaUnidad: "%");

        plan.EditarElemento(meta, "Cobertura de agua potable", "1.1.1.1", metaValor: 85.5m, metaUnidad: " % ");
        Assert.Equal(("Cobertura de agua potable", "1.1.1.1", 85.5m, "%"), (meta.Descripcion, meta.Codigo, meta.MetaValor!.Value, meta.MetaUnidad));
        plan.EditarElemento(obj, "Agua para todos", "1.1");

        Rechazo.Con(() => plan.EditarElemento(obj, "Agua", "1"), "El código 1 ya existe en este plan.");
        Rechazo.Con(() => plan.EditarElemento(prog, "Programa agua", "1.1.1", "otro"), "Indique si la intervención es un programa, un proyecto o una actividad.");
        Rechazo.Con(() => plan.EditarElemento(dim, "Social", "1", metaValor: 3), "El valor y la unidad de la meta solo se indican en elementos de nivel Meta.");
        Rechazo.Con(() => plan.EditarElemento(dim, " "), "El campo descripción es obligatorio.");
        Assert.Equal(("Social", "1"), (dim.Descripcion, dim.Codigo));
        var ajeno = new PlanGobierno(1, "Otro", "PDLC", 2020, 2030).AgregarElemento(null, NivelPlanGobierno.Dimension, "Ajena");
        Rechazo.Con(() => plan.EditarElemento(ajeno, "X"), "El elemento no pertenece a este plan.");
    }

    [Fact]
    public void QuitarElemento_AlineadoSeRechaza_SinAlineamientosSeQuita()
    {
        var plan = new PlanGobierno(1, "Plan", "PDLC", 2019, 2022);
        var dim = plan.AgregarElemento(null, NivelPlanGobierno.Dimension, "Social");
        var obj = plan.AgregarElemento(dim, NivelPlanGobierno.Objetivo, "Agua para todos");
        obj.Alinear(null, 5);
        Rechazo.Con(() => plan.QuitarElemento(obj),
            "No se puede quitar Objetivo «Agua para todos»: está alineado a 1 OEI o AEI del PEI. Quite primero sus alineamientos.");
        obj.Alineamientos.Clear();
        plan.QuitarElemento(obj);
        Assert.Same(dim, Assert.Single(plan.Elementos));
    }

    [Fact]
    public void UnidadEjecutora_ConCentros_NoSeQuita()
    {
        var u = new UnidadEjecutora(1, "001", "Sede central");
        u.VerificarQuitar([]);
        Rechazo.Con(() => u.VerificarQuitar(["02", "01.02"]),
            "No se puede quitar la unidad ejecutora 001: la usan los centros de costo 01.02 y 02.");
        u.Renombrar("Sede Puno");
        Assert.Equal("Sede Puno", u.Nombre);
        Rechazo.Con(() => u.Renombrar(""), "El campo nombre es obligatorio.");
    }

    [Fact]
    public void Ficha_UsadaPorActividades_NoSeQuita_YSuPesoEsPositivo()
    {
        var f = new FichaProceso(1, "FP 34", "PLANIFICACIÓN", "Gerencia General", null, null, null, 2);
        f.VerificarQuitar([(2025, 0)]);
        Rechazo.Con(() => f.VerificarQuitar([(2025, 3), (2024, 12)]),
            "No se puede quitar la ficha de proceso FP 34: la usan actividades del POI (12 en 2024 y 3 en 2025).");
        Rechazo.Con(() => f.Actualizar("PLANIFICACIÓN", null, null, null, null, 0), "El peso de la ficha debe ser mayor que cero (es 0).");
        Assert.Equal(2m, f.Peso);
    }
}
