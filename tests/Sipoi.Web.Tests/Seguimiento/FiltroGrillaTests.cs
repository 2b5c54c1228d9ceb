using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// The grid's filter (issue 15, item 2): by default only the activities with a target or something registered in the month,
/// a switch (a plain link) shows all, and a save from the filtered view leaves the hidden rows alone; «Adjuntar…» saves the
/// typed values before the evidence page opens. "Today" is fixed in 2024 (the demo POI's year).
/// </summary>
public sealed class FiltroGrillaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static string Url(string centro, int mes = 1, bool todas = false) =>
        $"/e/EMSAPUNO/seguimiento/2024/{mes}?centro={centro}" + (todas ? "&todas=true" : "");

    /// <summary>The activity codes with a physical or financial target in the month, read from the programming in force.</summary>
    private async Task<HashSet<string>> ConMetaAsync(string centro, int mes)
    {
        await using var db = app.Base.Contexto();
        var m = await Sipoi.Web.Seguimiento.MesSeguimiento.CargarAsync(db, "EMSAPUNO", 2024, mes, centro, default);
        return m!.Filas.Where(f => f.DelMes(mes) is var d && (d.MetaMes > 0 || d.MetaFinancieraMes > 0))
            .Select(f => f.Actividad.Codigo).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<int> FilasAvanceAsync(string codigo, int mes)
    {
        await using var db = app.Base.Contexto();
        return await db.Avances.CountAsync(v => v.Mes == mes && db.Actividades.Any(a => a.Id == v.ActividadId && a.Codigo == codigo));
    }

    private static List<string> Codigos(Formulario f) =>
        f.Pagina.QuerySelectorAll("tr.fila").Select(x => x.GetAttribute("data-codigo")!).ToList();

    [Fact]
    public async Task Grilla_PorDefectoSoloConMetaOValor_ElInterruptorMuestraTodas()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync("filtro0302@prueba.demo", "03.02");
        var conMeta = await ConMetaAsync("03.02", 1);
        var f = await Formulario.LeerAsync(http, Url("03.02"), "grilla");
        var todas = await Formulario.LeerAsync(http, Url("03.02", todas: true), "grilla");
        var total = Codigos(todas).Count;
        // The demo's centre has activities without a target in January: the default view leaves them out and says how many.
        Assert.True(conMeta.Count > 0 && conMeta.Count < total, $"{conMeta.Count} de {total}");
        Assert.Equal(conMeta.OrderBy(x => x, StringComparer.Ordinal), Codigos(f).OrderBy(x => x, StringComparer.Ordinal));
        var ocultas = total - conMeta.Count;
        Assert.Equal($"Se muestran {conMeta.Count} actividades con meta o valor registrado en enero de 2024; {ocultas} actividades sin meta ni registro están ocultas.",
            f.Pagina.GetElementById("ocultas")!.TextContent);
        // The switch is a link (works without JavaScript) to the same grid with every activity.
        var enlace = f.Pagina.GetElementById("mostrar-todas")!;
        Assert.Equal($"Mostrar todas las actividades ({total})", enlace.TextContent);
        Assert.Equal(Url("03.02", todas: true), enlace.GetAttribute("href"));
        // The full view offers the way back and keeps ?todas=true on its buttons, so a save comes back to it.
        Assert.Equal($"Mostrar solo las que tienen meta o valor en enero de 2024 ({conMeta.Count})", todas.Pagina.GetElementById("mostrar-con-meta")!.TextContent);
        Assert.Contains("todas=true", todas.Accion("guardar"), StringComparison.Ordinal);
        // Only the shown rows are in the form: the hidden ones are never posted.
        Assert.Equal(conMeta.Count, f.Campos.Keys.Count(k => k.EndsWith(".Codigo", StringComparison.Ordinal)));

        // A value registered in a row without a target makes it show by default.
        var sinMeta = Codigos(todas).First(c => !conMeta.Contains(c));
        todas.Poner(sinMeta, "Fisico", "2").Poner(sinMeta, "Logros", "Atención extra no programada.");
        var r = await todas.EnviarAsync(http, todas.Accion("guardar"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(Url("03.02", todas: true), r.Headers.Location!.OriginalString);
        Assert.Contains(sinMeta, Codigos(await Formulario.LeerAsync(http, Url("03.02"), "grilla")));
    }

    [Fact]
    public async Task GuardarFiltrado_NoTocaLasFilasOcultas_YUnErrorNoGuardaNada()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync("filtro0301@prueba.demo", "03.01");
        var conMeta = await ConMetaAsync("03.01", 1);
        var todas = Codigos(await Formulario.LeerAsync(http, Url("03.01", todas: true), "grilla"));
        var ocultas = todas.Where(c => !conMeta.Contains(c)).ToList();
        Assert.NotEmpty(ocultas);

        var f = await Formulario.LeerAsync(http, Url("03.01"), "grilla");
        var visibles = Codigos(f);
        // One bad value among good ones: nothing is saved, the grid comes back with the typed values and the same rows.
        f.Poner(visibles[0], "Fisico", "abc");
        foreach (var c in visibles.Skip(1)) f.Poner(c, "Fisico", "1");
        var malo = await f.EnviarAsync(http, f.Accion("guardar"));
        Assert.Equal(HttpStatusCode.OK, malo.StatusCode);
        var vuelta = Formulario.De(Formulario.Leer(await malo.Content.ReadAsStringAsync()), "grilla");
        Assert.Equal(visibles, Codigos(vuelta));
        Assert.Equal("abc", vuelta.Valor(visibles[0], "Fisico"));
        Assert.NotNull(vuelta.Pagina.GetElementById("mostrar-todas"));
        foreach (var c in todas) Assert.Equal(0, await FilasAvanceAsync(c, 1));

        // Corrected: the shown rows are saved, the hidden ones get no row and no audit entry.
        f.Poner(visibles[0], "Fisico", "1");
        Assert.Equal(HttpStatusCode.Redirect, (await f.EnviarAsync(http, f.Accion("guardar"))).StatusCode);
        foreach (var c in visibles) Assert.Equal(1, await FilasAvanceAsync(c, 1));
        foreach (var c in ocultas) Assert.Equal(0, await FilasAvanceAsync(c, 1));
        // The full view shows the hidden rows as they were: nothing registered.
        var despues = await Formulario.LeerAsync(http, Url("03.01", todas: true), "grilla");
        Assert.All(ocultas, c => Assert.Equal("", despues.Valor(c, "Fisico")));
        Assert.All(visibles, c => Assert.Equal("1", despues.Valor(c, "Fisico")));
    }

    [Fact]
    public async Task Adjuntar_GuardaLosValoresTecleadosAntesDeIrALaEvidencia()
    {
        app.Reloj.Fijar(2024, 2, 5);
        var http = await app.OperadorDeAsync("filtro0101@prueba.demo", "01.01");
        var f = await Formulario.LeerAsync(http, Url("01.01"), "grilla");
        var (a, b) = (Codigos(f)[0], Codigos(f)[1]);

        // A bad value: nothing is saved and the grid comes back with what was typed (no evidence page yet).
        f.Poner(a, "Fisico", "7").Poner(b, "Fisico", "-1");
        var boton = f.Pagina.GetElementById("adjuntar-" + a)!;
        Assert.Equal("Actividad", boton.GetAttribute("name"));
        var conActividad = new Dictionary<string, string>(f.Campos) { ["Actividad"] = a };
        var malo = await http.PostAsync(boton.GetAttribute("formaction"), new FormUrlEncodedContent(conActividad));
        Assert.Equal(HttpStatusCode.OK, malo.StatusCode);
        var vuelta = Formulario.De(Formulario.Leer(await malo.Content.ReadAsStringAsync()), "grilla");
        Assert.Equal("7", vuelta.Valor(a, "Fisico"));
        Assert.Equal("-1", vuelta.Valor(b, "Fisico"));
        Assert.NotNull(vuelta.Pagina.GetElementById("errores"));
        Assert.Equal(0, await FilasAvanceAsync(a, 1));

        // Good values: saved as a draft, then the activity's evidence page.
        conActividad[$"Filas[{f.Fila(b)}].Fisico"] = "3";
        var r = await http.PostAsync(boton.GetAttribute("formaction"), new FormUrlEncodedContent(conActividad));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var evidencia = r.Headers.Location!.OriginalString;
        Assert.Equal($"/e/EMSAPUNO/seguimiento/2024/1/evidencia?centro=01.01&actividad={a}", evidencia);
        Assert.Equal(1, await FilasAvanceAsync(a, 1));
        Assert.Equal(1, await FilasAvanceAsync(b, 1));
        var pagina = await Formulario.LeerAsync(http, evidencia, "subir");
        Assert.Equal("Se guardaron 2 actividades. Adjunte ahora la evidencia.", pagina.Pagina.GetElementById("aviso")!.TextContent);
        Assert.Equal($"Evidencias de {a}", pagina.Pagina.QuerySelector("h1")!.TextContent);

        // The upload goes back to the grid, at the row, where the saved values and the file are.
        var subida = await EvidenciaTests.SubirAsync(http, Url("01.01"), a, ("acta.pdf", EvidenciaTests.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, subida.StatusCode);
        Assert.Equal(Url("01.01") + "#fila-" + a, subida.Headers.Location!.OriginalString);
        var grilla = await Formulario.LeerAsync(http, Url("01.01"), "grilla");
        Assert.Equal("7", grilla.Valor(a, "Fisico"));
        Assert.Equal("3", grilla.Valor(b, "Fisico"));
        Assert.Equal("acta.pdf", grilla.Pagina.GetElementById("fila-" + a)!.QuerySelector(".archivos a")!.TextContent);
        Assert.Equal($"Se adjuntó «acta.pdf» a la actividad {a}.", grilla.Pagina.GetElementById("aviso")!.TextContent);
    }
}
