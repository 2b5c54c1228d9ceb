using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Formulacion.Formularios;

namespace Sipoi.Web.Tests.Formulacion;

/// <summary>Two people editing the same drafted activity: the second save is refused instead of overwriting the first.</summary>
public sealed class FormulacionConcurrenciaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task SegundoGuardado_DeUnaActividadCambiadaMientrasTanto_SeRechazaYNoPisaNada()
    {
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        var op = await app.ComoAsync(AppDePrueba.Operador);
        Redirige(await EnviarAsync(opp, Base(2024), "abrir-version", c => { c["Tipo"] = "modificado"; c["Motivo"] = "Ajuste de metas del segundo semestre"; }),
            Base(2024));

        // Both open FP34-05; the planner saves first, then the operator saves its stale form.
        var delOperador = await LeerAsync(op, Actividad(2024, "01.02", "FP34-05"), "actividad");
        Redirige(await EnviarAsync(opp, Actividad(2024, "01.02", "FP34-05"), "actividad", c => c["Entrada.Nombre"] = "Cambio del planificador", "guardar"));

        delOperador.Campos["Entrada.Nombre"] = "Cambio del operador";
        var r = await delOperador.EnviarAsync(op, delOperador.Accion("guardar"));
        Assert.Contains("Otra persona guardó cambios en la actividad FP34-05", await TextoAsync(r));
        await using (var db = app.Base.Contexto())
            Assert.Equal("Cambio del planificador", await db.Actividades.Where(a => a.Codigo == "FP34-05").Select(a => a.Nombre).SingleAsync());

        // Re-opened, the form carries the new fingerprint and saves.
        Redirige(await EnviarAsync(op, Actividad(2024, "01.02", "FP34-05"), "actividad", c => c["Entrada.Nombre"] = "Cambio del operador", "guardar"));
        await using var db2 = app.Base.Contexto();
        Assert.Equal("Cambio del operador", await db2.Actividades.Where(a => a.Codigo == "FP34-05").Select(a => a.Nombre).SingleAsync());
    }
}
