using System.Net;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Formulacion.Formularios;

namespace Sipoi.Web.Tests.Administracion;

/// <summary>
/// A POI Modificado opened after a centre closed copies that centre's approved activities (the year's evaluation must
/// not change): they stay editable and retirable in the draft, but nothing new comes in. Own class: the open draft of
/// 2024 would block the deactivations the other tests make.
/// </summary>
public sealed class CentroInactivoModificadoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly decimal[] Uno = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    [Fact]
    public async Task ModificadoTrasDesactivar_LasActividadesCopiadasSeCorrigenYRetiran_PeroNoEntranNuevas()
    {
        var admin = await app.ComoAsync(AppDePrueba.Administrador);
        int id;
        await using (var db = app.Base.Contexto())
            id = db.CentrosCosto.Single(c => c.Codigo == "02.02").Id;
        var f = await Formulario.LeerAsync(admin, $"/e/EMSAPUNO/administracion/centros/{id}", "form-desactivar");
        Redirige(await f.EnviarAsync(admin, f.Elemento.GetAttribute("action")!));

        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        Redirige(await EnviarAsync(opp, Base(2024), "abrir-version", c => { c["Tipo"] = "modificado"; c["Motivo"] = "Cierre de la División de Tesorería"; }));
        var pagina = Formulario.Leer(await (await opp.GetAsync(Centro(2024, "02.02"))).Content.ReadAsStringAsync());
        Assert.Equal(7, pagina.QuerySelectorAll("#actividades tbody tr").Length);

        Redirige(await EnviarAsync(opp, Actividad(2024, "02.02", "FP04-01"), "actividad", null, "guardar"));
        Redirige(await opp.PostAsync(Centro(2024, "02.02") + "?handler=Retirar", await ConCodigoAsync(opp, "FP04-02")));
        var r = await EnviarAsync(opp, Actividad(2024, "02.02"), "actividad",
            c => Actividad(c, "FP04-50", "Informe nuevo", "AEI.04.03", "suma", "12", Uno), "guardar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("El centro de costo 02.02 está inactivo: no recibe actividades nuevas", await TextoAsync(r));
        pagina = Formulario.Leer(await (await opp.GetAsync(Centro(2024, "02.02"))).Content.ReadAsStringAsync());
        Assert.Equal(6, pagina.QuerySelectorAll("#actividades tbody tr").Length);
    }

    private static async Task<FormUrlEncodedContent> ConCodigoAsync(HttpClient http, string codigo)
    {
        var doc = Formulario.Leer(await (await http.GetAsync(Centro(2024, "02.02"))).Content.ReadAsStringAsync());
        var token = doc.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Codigo"] = codigo });
    }
}
