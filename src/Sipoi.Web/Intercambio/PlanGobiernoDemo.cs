using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Intercambio;

/// <summary>
/// The demo's government plan: two chains of the Puno provincial plan (reference/puno-plan-de-gobierno-2019-2022.txt,
/// "4.1 Dimensión social" and "4.3 Dimensión ambiental") with measured targets, so the plan's pages, its semester
/// evaluation and the accountability report show something. The texts and the 2022 target of the first chain are the
/// document's; baselines, the second target's figures, the district breakdown and every obtained value are illustrative
/// (data/demo/NOTAS-DATOS.md). Loaded through the domain, like any user would, only with the demo entity.
/// </summary>
public static class PlanGobiernoDemo
{
    public const string Nombre = "Plan de Gobierno Municipal de la Provincia de Puno 2019 – 2022";

    public static async Task CargarAsync(SipoiDbContext db, int entidadId, CancellationToken ct = default)
    {
        if (await db.PlanesGobierno.AnyAsync(p => p.EntidadId == entidadId && p.Nombre == Nombre, ct)) return;
        var plan = new PlanGobierno(entidadId, Nombre, "Plan de Gobierno", 2019, 2022);
        db.PlanesGobierno.Add(plan);
        await db.SaveChangesAsync(ct);

        // Each level is saved before the next hangs from it: a child points at its parent's id.
        async Task<ElementoPlanGobierno> Agregar(ElementoPlanGobierno? padre, NivelPlanGobierno nivel, string descripcion, string? codigo = null, string? tipo = null)
        {
            var e = plan.AgregarElemento(padre, nivel, descripcion, codigo, tipo);
            await db.SaveChangesAsync(ct);
            return e;
        }

        var social = await Agregar(null, NivelPlanGobierno.Dimension, "Dimensión social", "4.1");
        var deficit = await Agregar(social, NivelPlanGobierno.Problema, "Déficit de servicios básicos de agua y desagüe.");
        var vida = await Agregar(deficit, NivelPlanGobierno.Objetivo, "Vida digna y saludable.", "4.1.1");
        var vivienda = await Agregar(vida, NivelPlanGobierno.Intervencion, "Programa vivienda digna para todos", "4.1.1.1", "programa");
        var cobertura = await Agregar(vivienda, NivelPlanGobierno.Meta, "Incrementar la cobertura de viviendas con servicios básicos al 100%.", "4.1.1.1.M");

        var ambiental = await Agregar(null, NivelPlanGobierno.Dimension, "Dimensión ambiental", "4.3");
        var bahia = await Agregar(ambiental, NivelPlanGobierno.Problema, "Contaminación de la bahía interior de Puno.");
        var recuperacion = await Agregar(bahia, NivelPlanGobierno.Objetivo, "Recuperación integral de la bahía Puno.", "4.3.1");
        var programa = await Agregar(recuperacion, NivelPlanGobierno.Intervencion, "Programa Recuperación bahía Puno", "4.3.1.1", "programa");
        var clandestinas = await Agregar(programa, NivelPlanGobierno.Meta, "Reducir las conexiones clandestinas de aguas residuales a la bahía.", "4.3.1.1.M");

        plan.DefinirMedicion(cobertura, new MedicionMeta("Porcentaje de viviendas con servicios de agua y desagüe", "%", Sentido.Ascendente,
            85, 2018, 100, 2022, [new DistritoMeta("Puno", 90, 100), new DistritoMeta("Chucuito", 70, 95), new DistritoMeta("Ácora", 60, 90)]));
        plan.DefinirMedicion(clandestinas, new MedicionMeta("Conexiones clandestinas de aguas residuales identificadas", "conexiones",
            Sentido.Descendente, 1200, 2018, 300, 2022, []));
        await db.SaveChangesAsync(ct);

        var hoy = new DateOnly(2023, 1, 1);
        Dictionary<string, decimal?> D(decimal puno, decimal chucuito, decimal acora) => new() { ["Puno"] = puno, ["Chucuito"] = chucuito, ["Ácora"] = acora };
        plan.RegistrarSemestre(cobertura, 2019, 1, 86, "Se iniciaron las obras de agua y desagüe en los barrios altos de Puno.", D(90.5m, 71, 61), hoy);
        plan.RegistrarSemestre(cobertura, 2019, 2, 88, "Se culminó la primera etapa de conexiones domiciliarias.", D(92, 73, 63), hoy);
        plan.RegistrarSemestre(cobertura, 2020, 1, 88.5m, "La emergencia sanitaria paralizó las obras entre marzo y junio.", D(92.5m, 73, 64), hoy);
        plan.RegistrarSemestre(cobertura, 2020, 2, 90, "Se reanudaron las obras con protocolos sanitarios.", D(94, 76, 66), hoy);
        plan.RegistrarSemestre(clandestinas, 2019, 1, 1100, "Primer inventario de conexiones con la EPS.", new Dictionary<string, decimal?>(), hoy);
        plan.RegistrarSemestre(clandestinas, 2019, 2, 950, null, new Dictionary<string, decimal?>(), hoy);
        plan.RegistrarSemestre(clandestinas, 2020, 1, 900, "Intervenciones suspendidas por la emergencia sanitaria.", new Dictionary<string, decimal?>(), hoy);
        plan.RegistrarSemestre(clandestinas, 2020, 2, 780, "Se clausuraron 120 conexiones en la quebrada Salcedo.", new Dictionary<string, decimal?>(), hoy);
        await db.SaveChangesAsync(ct);
    }
}
