using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Estrategia;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Planes;

/// <summary>The PEI registry (Pages/Peis/README.md): who edits, unique priorities, indicators, ampliación and actualización.</summary>
public sealed class PeiRegistroTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Pei = "PEI-2023-2025";
    private const string Base = "/e/EMSAPUNO/pei";
    private static readonly string UrlPei = $"{Base}/{Pei}";

    private Task<HttpClient> Planificador() => app.ComoAsync(AppDePrueba.Planificador);

    [Fact]
    public async Task Oei_ConPrioridadRepetida_SeRechazaConMensajeYNoGuardaNada()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/oei", "form-oei",
            ("Codigo", "OEI.90"), ("Enunciado", "Objetivo de prueba"), ("Prioridad", "3"));
        Assert.Contains("La prioridad 3 ya la tiene otro OEI del PEI PEI-2023-2025", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.False(await db.Oeis.AnyAsync(o => o.Codigo == "OEI.90"));
    }

    [Fact]
    public async Task Oei_ConPrioridadLibre_SeCreaYApareceEnElArbol()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/oei", "form-oei",
            ("Codigo", "OEI.91"), ("Enunciado", "Mejorar la atención al usuario"), ("Prioridad", "91"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var pagina = await Paginas.LeerAsync(http, r.Headers.Location!.OriginalString);
        Assert.Contains("Se guardó el OEI.91", pagina.GetElementById("aviso")!.TextContent);
        Assert.Contains("Mejorar la atención al usuario", pagina.GetElementById("arbol-pei")!.TextContent);
    }

    [Fact]
    public async Task Aei_ConPrioridadRepetidaEnSuOei_SeRechazaYConservaLaAnterior()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/aei?oei=OEI.01&codigo=AEI.01.02", "form-aei", ("Prioridad", "1"));
        Assert.Contains("La prioridad 1 ya la tiene otra AEI del OEI.01", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.Equal(2, await db.Aeis.Where(a => a.Codigo == "AEI.01.02" && db.Oeis.Any(o => o.Id == a.OeiId && db.Peis.Any(p => p.Id == o.PeiId && p.Codigo == Pei)))
            .Select(a => a.Prioridad).SingleAsync());
    }

    [Fact]
    public async Task Prioridades_IntercambioDeDosOei_SeGuardaEnUnaSolaOperacion()
    {
        var http = await Planificador();
        var f = await Formulario.LeerAsync(http, $"{UrlPei}/prioridades", "form-prioridades");
        string Campo(string lista, string codigo) => f.Campos.Single(c => c.Key.StartsWith(lista, StringComparison.Ordinal) && c.Value == codigo).Key.Replace(".Codigo", ".Prioridad", StringComparison.Ordinal);
        f.Campos[Campo("Oeis", "OEI.07")] = "8";
        f.Campos[Campo("Oeis", "OEI.08")] = "7";
        f.Campos[Campo("Aeis", "AEI.08.01")] = "2";
        f.Campos[Campo("Aeis", "AEI.08.02")] = "1";
        var r = await f.EnviarAsync(http, $"{UrlPei}/prioridades");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = app.Base.Contexto();
        var peiId = await db.Peis.Where(p => p.Codigo == Pei).Select(p => p.Id).SingleAsync();
        var prioridades = await db.Oeis.Where(o => o.PeiId == peiId && (o.Codigo == "OEI.07" || o.Codigo == "OEI.08")).ToDictionaryAsync(o => o.Codigo, o => o.Prioridad);
        Assert.Equal(8, prioridades["OEI.07"]);
        Assert.Equal(7, prioridades["OEI.08"]);
        Assert.Equal(2, await db.Aeis.Where(a => a.Codigo == "AEI.08.01" && db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId)).Select(a => a.Prioridad).SingleAsync());
        // The audit log keeps the real change (old → new), not the parking step.
        var auditoria = await db.Auditoria.Where(a => a.Tabla == "oei" && a.Campo == "prioridad").Select(a => new { a.ValorAnterior, a.ValorNuevo }).ToListAsync();
        Assert.Contains(auditoria, a => a.ValorAnterior == "7" && a.ValorNuevo == "8");
        Assert.DoesNotContain(auditoria, a => a.ValorAnterior!.StartsWith('-'));
    }

    [Fact]
    public async Task Prioridades_ConUnaRepetida_NoGuardaNingunaFilaYNombraLaFila()
    {
        var http = await Planificador();
        var f = await Formulario.LeerAsync(http, $"{UrlPei}/prioridades", "form-prioridades");
        string Campo(string lista, string codigo) => f.Campos.Single(c => c.Key.StartsWith(lista, StringComparison.Ordinal) && c.Value == codigo).Key.Replace(".Codigo", ".Prioridad", StringComparison.Ordinal);
        f.Campos[Campo("Aeis", "AEI.06.01")] = "12";   // valid on its own
        f.Campos[Campo("Oeis", "OEI.03")] = "2";        // same as OEI.02
        var errores = await Paginas.ErroresAsync(await f.EnviarAsync(http, $"{UrlPei}/prioridades"));
        Assert.Contains("OEI.03: la prioridad 2 ya la tiene OEI.02", errores);
        await using var db = app.Base.Contexto();
        var peiId = await db.Peis.Where(p => p.Codigo == Pei).Select(p => p.Id).SingleAsync();
        Assert.Equal(1, await db.Aeis.Where(a => a.Codigo == "AEI.06.01" && db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == peiId)).Select(a => a.Prioridad).SingleAsync());
        Assert.Equal(3, await db.Oeis.Where(o => o.Codigo == "OEI.03" && o.PeiId == peiId).Select(o => o.Prioridad).SingleAsync());
    }

    [Theory]
    [InlineData("no definido", "", "", "indique el máximo o el mínimo permisible")]
    [InlineData("no definido", "10", "20", "el mínimo permisible (20) es mayor que el máximo (10)")]
    [InlineData("ascendente", "10", "", "solo se usan con sentido «no definido»")]
    [InlineData("creciente", "", "", "Sentido: «creciente» no es válido")]
    public async Task Indicador_Invalido_SeRechazaSinGuardar(string sentido, string maximo, string minimo, string mensaje)
    {
        var http = await Planificador();
        var codigo = "IND.PRUEBA." + Math.Abs(mensaje.GetHashCode(StringComparison.Ordinal));
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/indicador?oei=OEI.02&aei=AEI.02.01", "form-indicador",
            ("Codigo", codigo), ("Nombre", "Indicador de prueba"), ("Sentido", sentido), ("MaximoPermisible", maximo), ("MinimoPermisible", minimo),
            ("Anios[1].LogroEsperado", "50"));
        Assert.Contains(mensaje, await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.False(await db.Indicadores.AnyAsync(i => i.Codigo == codigo));
    }

    [Fact]
    public async Task Indicador_ConUnValorIlegible_NombraElCampoYNoGuardaNada()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/indicador?oei=OEI.01&aei=AEI.01.01&codigo=IND.AEI.01.01.01", "form-indicador",
            ("Nombre", "Nombre cambiado"), ("Anios[1].LogroEsperado", "12"), ("Anios[2].ValorObtenido", "doce"));
        Assert.Contains("Valor obtenido 2025: «doce» no es un número.", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        var ind = await db.Indicadores.Include(i => i.Valores)
            .SingleAsync(i => i.Codigo == "IND.AEI.01.01.01" && db.Aeis.Any(a => a.Id == i.AeiId && db.Oeis.Any(o => o.Id == a.OeiId && db.Peis.Any(p => p.Id == o.PeiId && p.Codigo == Pei))));
        Assert.Equal("Continuidad promedio Puno", ind.Nombre);
        Assert.Equal(11m, ind.LogroEsperado(2024));
    }

    [Fact]
    public async Task Indicador_NoDefinidoConLimitesYValores_SeGuardaYElMotorLoEvalua()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/indicador?oei=OEI.03&aei=AEI.03.01", "form-indicador",
            ("Codigo", "IND.AEI.03.01.90"), ("Nombre", "Presión media del servicio"), ("Unidad", "m.c.a."), ("Sentido", "no definido"),
            ("MinimoPermisible", "10"), ("MaximoPermisible", "50"), ("LineaBaseAnio", "2022"), ("LineaBaseValor", "18.5"),
            ("MetodoCalculo", "Promedio de lecturas de presión"), ("CentroResponsable", "01.02"),
            ("Anios[1].LogroEsperado", "21"), ("Anios[1].ValorObtenido", "60"), ("Anios[1].ValorSemestre1", "1,020.25"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = app.Base.Contexto();
        var ind = await db.Indicadores.Include(i => i.Valores).SingleAsync(i => i.Codigo == "IND.AEI.03.01.90");
        Assert.Equal(Sentido.NoDefinido, ind.Sentido);
        Assert.Equal((10m, 50m), (ind.MinimoPermisible!.Value, ind.MaximoPermisible!.Value));
        Assert.Equal(18.5m, ind.LineaBaseValor);
        Assert.Equal(21m, ind.LogroEsperado(2024));
        Assert.Equal(60m, ind.ValorObtenido(2024));
        Assert.Equal(1020.25m, ind.ValorObtenido(2024, PeriodoIndicador.Semestre1));
        Assert.Equal(await db.CentrosCosto.Where(c => c.Codigo == "01.02").Select(c => (int?)c.Id).SingleAsync(), ind.CentroCostoResponsableId);
        Assert.Null(ind.LogroEsperado(2023));
        // The engine reads it like any other: 60 is above the maximum 50 → 50/60 = 83.33 %.
        var motor = await Reportes.AvanceDePrueba.MotorAsync(app, Domain.Periodos.Periodo.Anual);
        var resultado = motor.Estrategico.Indicadores.Single(i => i.Codigo == "IND.AEI.03.01.90");
        Assert.Equal(50m * 100m / 60m, resultado.Avance);
    }

    [Fact]
    public async Task Ampliacion_CreaUnPeiEnlazadoConLaMismaEstructuraYElAnteriorSigueLegible()
    {
        var http = await Planificador();
        int oeis, aeis, indicadores, anteriorId;
        await using (var db = app.Base.Contexto())
        {
            var antes = await db.Peis.Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).SingleAsync(p => p.Codigo == Pei);
            (oeis, aeis, indicadores, anteriorId) = (antes.Oeis.Count, antes.Aeis.Count(), antes.Aeis.Sum(a => a.Indicadores.Count), antes.Id);
        }
        var url = $"{Base}/editar?base={Pei}&tipo=ampliacion";
        var f = await Formulario.LeerAsync(http, url, "form-pei");
        Assert.Equal("PEI-2023-2025-Ampliado-2026", f.Campos["Codigo"]);
        f.Campos["Fin"] = "2026";
        f.Campos["Estado"] = "Registrado";
        var r = await f.EnviarAsync(http, url);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        await using (var db = app.Base.Contexto())
        {
            var nuevo = await db.Peis.Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
                .SingleAsync(p => p.Codigo == "PEI-2023-2025-Ampliado-2026");
            Assert.Equal(anteriorId, nuevo.PeiAnteriorId);
            Assert.Equal((2023, 2026, EstadoPei.Registrado), (nuevo.Inicio, nuevo.Fin, nuevo.Estado));
            Assert.Equal(oeis, nuevo.Oeis.Count);
            Assert.Equal(aeis, nuevo.Aeis.Count());
            Assert.Equal(indicadores, nuevo.Aeis.Sum(a => a.Indicadores.Count));
            Assert.Equal(11m, nuevo.Aeis.SelectMany(a => a.Indicadores).Single(i => i.Codigo == "IND.AEI.01.01.01").LogroEsperado(2024));
            var anterior = await db.Peis.SingleAsync(p => p.Id == anteriorId);
            Assert.Equal((2023, 2025), (anterior.Inicio, anterior.Fin));
            // The POI 2024 keeps the PEI it was approved with.
            Assert.Equal(anteriorId, await db.Pois.Where(p => p.Anio == 2024).Select(p => p.PeiId).SingleAsync());
        }
        var viejo = await Paginas.LeerAsync(http, $"{Base}?codigo={Pei}");
        Assert.Equal(Pei, viejo.GetElementById("pei-codigo")!.TextContent);
        Assert.Contains("PEI-2023-2025-Ampliado-2026", viejo.GetElementById("pei-derivados")!.TextContent);
        var ampliado = await Paginas.LeerAsync(http, $"{Base}?codigo=PEI-2023-2025-Ampliado-2026");
        Assert.Contains(Pei, ampliado.GetElementById("pei-anterior")!.TextContent);
        Assert.Contains("Logro esperado 2026", ampliado.GetElementById("arbol-pei")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/e/EMSAPUNO/evaluacion/2024")).StatusCode);
    }

    [Fact]
    public async Task Ampliacion_QueNoAlargaElHorizonte_SeRechaza()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{Base}/editar?base={Pei}&tipo=ampliacion", "form-pei",
            ("Codigo", "PEI-X-AMPLIADO"), ("Fin", "2025"), ("Estado", "RegistroIniciado"));
        Assert.Contains("La ampliación debe terminar después de 2025", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.False(await db.Peis.AnyAsync(p => p.Codigo == "PEI-X-AMPLIADO"));
    }

    [Fact]
    public async Task PeiActualizado_CopiaLaEstructuraConLosValoresDeSuHorizonte()
    {
        var http = await Planificador();
        var valoresAnteriores = await ValoresDelPeiAsync(Pei);
        var r = await Paginas.EnviarAsync(http, $"{Base}/editar?base={Pei}&tipo=actualizacion", "form-pei",
            ("Codigo", "PEI-2024-2027"), ("Inicio", "2024"), ("Fin", "2027"), ("Estado", "RegistroIniciado"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = app.Base.Contexto();
        var anterior = await db.Peis.SingleAsync(p => p.Codigo == Pei);
        var nuevo = await db.Peis.Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
            .SingleAsync(p => p.Codigo == "PEI-2024-2027");
        Assert.Equal(anterior.Id, nuevo.PeiAnteriorId);
        Assert.Equal(anterior.Mision, nuevo.Mision);
        Assert.Contains(nuevo.Aeis, a => a.Codigo == "AEI.07.09");
        Assert.All(nuevo.Aeis.SelectMany(a => a.Indicadores).SelectMany(i => i.Valores), v => Assert.InRange(v.Anio, 2024, 2027));
        Assert.Equal(
            nuevo.Aeis.SelectMany(a => a.Indicadores).Sum(i => i.Valores.Count),
            valoresAnteriores.Count(v => v.Anio >= 2024));
        // The old PEI keeps every value it had.
        Assert.Equal(valoresAnteriores, await ValoresDelPeiAsync(Pei));
    }

    private async Task<List<(string Codigo, int Anio, PeriodoIndicador Periodo, decimal? Esperado, decimal? Obtenido)>> ValoresDelPeiAsync(string pei)
    {
        await using var db = app.Base.Contexto();
        var filas = await (
            from v in db.ValoresIndicador
            join i in db.Indicadores on v.IndicadorId equals i.Id
            join a in db.Aeis on i.AeiId equals a.Id
            join o in db.Oeis on a.OeiId equals o.Id
            join p in db.Peis on o.PeiId equals p.Id
            where p.Codigo == pei
            select new { i.Codigo, v.Anio, v.Periodo, v.LogroEsperado, v.ValorObtenido }).ToListAsync();
        return filas.Select(f => (f.Codigo, f.Anio, f.Periodo, f.LogroEsperado, f.ValorObtenido))
            .OrderBy(f => f.Codigo, StringComparer.Ordinal).ThenBy(f => f.Anio).ThenBy(f => f.Periodo).ToList();
    }

    [Fact]
    public async Task Pei_AcortarElHorizonteDejandoFueraUnPoi_SeRechaza()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{Base}/editar?codigo={Pei}", "form-pei", ("Fin", "2023"), ("Estado", "EnImplementacion"));
        Assert.Contains("El POI 2024 usa este PEI", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.Equal(2025, await db.Peis.Where(p => p.Codigo == Pei).Select(p => p.Fin).SingleAsync());
    }

    [Fact]
    public async Task Pei_Nuevo_ConCodigoRepetido_SeRechaza()
    {
        var http = await Planificador();
        var r = await Paginas.EnviarAsync(http, $"{Base}/editar", "form-pei",
            ("Codigo", Pei), ("Inicio", "2026"), ("Fin", "2030"), ("Estado", "RegistroIniciado"));
        Assert.Contains("ya existe el PEI PEI-2023-2025", await Paginas.ErroresAsync(r));
    }

    [Theory]
    [InlineData(AppDePrueba.Consulta)]
    [InlineData(AppDePrueba.Operador)]
    public async Task ConsultaYOperador_LeenElPeiPeroNoEditan(string usuario)
    {
        var http = await app.ComoAsync(usuario);
        var pagina = await Paginas.LeerAsync(http, $"{Base}?codigo={Pei}");
        Assert.Null(pagina.GetElementById("acciones-pei"));
        Assert.DoesNotContain(pagina.QuerySelectorAll("a"), a => a.TextContent == "Editar");
        foreach (var url in new[] { $"{Base}/editar", $"{Base}/editar?codigo={Pei}", $"{UrlPei}/oei", $"{UrlPei}/aei?oei=OEI.01",
                     $"{UrlPei}/prioridades", $"{UrlPei}/indicador?oei=OEI.01&aei=AEI.01.01" })
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(url)).StatusCode);
        var post = await Paginas.PostarConTokenAsync(http, $"{Base}?codigo={Pei}", $"{UrlPei}/oei",
            ("Codigo", "OEI.99"), ("Enunciado", "Intento"), ("Prioridad", "99"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var prio = await Paginas.PostarConTokenAsync(http, $"{Base}?codigo={Pei}", $"{UrlPei}/prioridades",
            ("Oeis[0].Codigo", "OEI.01"), ("Oeis[0].Prioridad", "50"));
        Assert.Equal(HttpStatusCode.Forbidden, prio.StatusCode);
        await using var db = app.Base.Contexto();
        Assert.False(await db.Oeis.AnyAsync(o => o.Codigo == "OEI.99"));
        Assert.Equal(1, await db.Oeis.Where(o => o.Codigo == "OEI.01" && db.Peis.Any(p => p.Id == o.PeiId && p.Codigo == Pei)).Select(o => o.Prioridad).SingleAsync());
    }
}
