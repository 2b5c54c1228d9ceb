using System.Net;
using System.Security.Claims;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Auditoria;

/// <summary>The audit log is written by the SaveChanges interceptor, refused any change by the database, and read and exported by the planning office.</summary>
public sealed class AuditoriaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    /// <summary>Runs <paramref name="accion"/> with the app's own context, as the given user in a request, or outside a request when null.</summary>
    private async Task ComoAsync(string? usuario, Func<SipoiDbContext, Task> accion)
    {
        var accesor = app.Services.GetRequiredService<IHttpContextAccessor>();
        accesor.HttpContext = usuario is null ? null
            : new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, usuario)], "prueba")) };
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await accion(scope.ServiceProvider.GetRequiredService<SipoiDbContext>());
        }
        finally { accesor.HttpContext = null; }
    }

    private async Task<int> EntidadIdAsync()
    {
        await using var db = app.Base.Contexto();
        return await db.Entidades.Where(e => e.Codigo == DatosDemo.CodigoEntidad).Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task CambioDeAvance_RegistraQuienCuandoYValorAnteriorYNuevo()
    {
        var entidadId = await EntidadIdAsync();
        string codigo = null!;
        long avanceId = 0;
        app.Reloj.Fijar(2024, 11, 20, hora: 9);
        await ComoAsync(AppDePrueba.Operador, async db =>
        {
            var actividad = await db.Actividades.Include(a => a.Avances).Where(a => a.EntidadId == entidadId).OrderBy(a => a.Id).FirstAsync();
            codigo = actividad.Codigo;
            actividad.FijarAvance(11, 5m, null);
            await db.SaveChangesAsync();
            avanceId = actividad.Avances.Single(a => a.Mes == 11).Id;
        });
        await ComoAsync(AppDePrueba.Planificador, async db =>
        {
            var actividad = await db.Actividades.Include(a => a.Avances).SingleAsync(a => a.EntidadId == entidadId && a.Codigo == codigo);
            actividad.FijarAvance(11, 7.5m, 1200m).Justificar("Se superó la meta", null, null);
            await db.SaveChangesAsync();
        });

        await using var lectura = app.Base.Contexto();
        var filas = await lectura.Auditoria.Where(r => r.Tabla == "avance_mensual" && r.Clave.StartsWith(avanceId + " ")).OrderBy(r => r.Id).ToListAsync();
        var alta = filas[0];
        Assert.Equal(AccionAuditada.Alta, alta.Accion);
        Assert.Equal(AppDePrueba.Operador, alta.Usuario);
        Assert.Equal(entidadId, alta.EntidadId);
        Assert.Contains("\"ejecutado_fisico\":\"5\"", alta.ValorNuevo);
        Assert.Contains("mes=11", alta.Clave);
        Assert.Equal(Seguimientos.En(2024, 11, 20, hora: 9), alta.Momento);

        var cambios = filas.Skip(1).ToDictionary(r => r.Campo!);
        Assert.Equal(["ejecutado_financiero", "ejecutado_fisico", "logros"], cambios.Keys.Order());
        Assert.All(cambios.Values, r => Assert.Equal((AccionAuditada.Cambio, AppDePrueba.Planificador, (int?)entidadId), (r.Accion, r.Usuario, r.EntidadId)));
        Assert.Equal(("5", "7.5"), (cambios["ejecutado_fisico"].ValorAnterior, cambios["ejecutado_fisico"].ValorNuevo));
        Assert.Equal((null, "1200"), (cambios["ejecutado_financiero"].ValorAnterior, cambios["ejecutado_financiero"].ValorNuevo));
        Assert.Equal("Se superó la meta", cambios["logros"].ValorNuevo);
    }

    [Fact]
    public async Task GuardarSinCambiosReales_NoEscribeNada_YFueraDeUnaPeticionFirmaElSistema()
    {
        var entidadId = await EntidadIdAsync();
        await using (var db = app.Base.Contexto())
        {
            var antes = await db.Auditoria.CountAsync();
            await ComoAsync(null, async ctx =>
            {
                var actividad = await ctx.Actividades.Include(a => a.Avances).Where(a => a.EntidadId == entidadId).OrderByDescending(a => a.Id).FirstAsync();
                var avance = actividad.FijarAvance(12, 3m, null);
                // The synchronous path writes the same rows (and keeps its insert with its generated key).
                ctx.SaveChanges();
                actividad.FijarAvance(12, 3.0000m, null);
                await ctx.SaveChangesAsync();
                ctx.Avances.Remove(avance);
                await ctx.SaveChangesAsync();
            });
            var nuevas = await db.Auditoria.OrderBy(r => r.Id).Skip(antes).ToListAsync();
            Assert.Equal([AccionAuditada.Alta, AccionAuditada.Baja], nuevas.Select(r => r.Accion));
            Assert.All(nuevas, r => Assert.Equal("sistema", r.Usuario));
            Assert.Contains("\"ejecutado_fisico\":\"3\"", nuevas[1].ValorAnterior);
            Assert.Null(nuevas[1].ValorNuevo);
        }
    }

    [Fact]
    public async Task ConfiguracionDeLaEntidad_YAsignacionesDeUsuarios_SeAuditan()
    {
        var entidadId = await EntidadIdAsync();
        await ComoAsync(AppDePrueba.Administrador, async db =>
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Id == entidadId);
            entidad.Configurar(entidad.Configuracion with { ToleranciaInferior = 80m, DiasCierre = 15 });
            await db.SaveChangesAsync();
        });
        await ComoAsync(AppDePrueba.Administrador, async db =>
        {
            var centro = await db.CentrosCosto.SingleAsync(c => c.EntidadId == entidadId && c.Codigo == "03.01");
            var operador = await db.Users.Include(u => u.Centros).SingleAsync(u => u.UserName == AppDePrueba.Operador);
            operador.AsignarCentro(centro);
            await db.SaveChangesAsync();
        });

        await using var lectura = app.Base.Contexto();
        var config = await lectura.Auditoria.Where(r => r.Tabla == "entidad" && r.Usuario == AppDePrueba.Administrador).ToDictionaryAsync(r => r.Campo!);
        Assert.Equal(("85", "80"), (config["tolerancia_inferior"].ValorAnterior, config["tolerancia_inferior"].ValorNuevo));
        Assert.Equal(("10", "15"), (config["dias_cierre"].ValorAnterior, config["dias_cierre"].ValorNuevo));
        Assert.Equal(entidadId, config["dias_cierre"].EntidadId);

        var asignacion = await lectura.Auditoria.SingleAsync(r => r.Tabla == "usuario_centro_costo" && r.Usuario == AppDePrueba.Administrador);
        Assert.Equal(AccionAuditada.Alta, asignacion.Accion);
        Assert.Equal(entidadId, asignacion.EntidadId);

        // The demo users were created by the system, role assignments included, never showing the hash.
        var usuarios = await lectura.Auditoria.Where(r => r.Usuario == "sistema" && (r.Tabla == "usuario" || r.Tabla == "usuario_rol")).ToListAsync();
        Assert.Equal(DatosDemo.Usuarios.Count, usuarios.Count(r => r.Tabla == "usuario_rol"));
        Assert.All(usuarios, r => Assert.Equal(entidadId, r.EntidadId));
        var alta = usuarios.First(r => r.Tabla == "usuario" && r.Clave.Contains(AppDePrueba.Operador));
        Assert.Contains("\"password_hash\":\"(oculto)\"", alta.ValorNuevo);
        Assert.DoesNotContain("AQAAAA", alta.ValorNuevo);
    }

    [Fact]
    public async Task LaImportacion_DejaUnaSolaFilaDeResumen_ConElUsuarioDeLaLineaDeComandos()
    {
        await using var db = app.Base.Contexto();
        var fila = Assert.Single(await db.Auditoria.Where(r => r.Accion == AccionAuditada.Importacion && r.Usuario == "sistema").ToListAsync());
        Assert.Equal(("poi", "EMSAPUNO 2024"), (fila.Tabla, fila.Clave));
        Assert.Contains("actividades", fila.ValorNuevo);
        Assert.Empty(await db.Auditoria.Where(r => r.Tabla == "meta_mensual" || r.Tabla == "actividad").ToListAsync());

        // The command line signs as "cli:" and the operating-system user.
        var archivo = Path.GetTempFileName();
        try
        {
            await using (var s = DatosDemo.Abrir())
            await using (var f = File.Create(archivo)) await s.CopyToAsync(f);
            var configuracion = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion }).Build();
            Assert.Equal(0, await Sipoi.Web.Cli.LineaDeComandos.EjecutarAsync(["import", archivo], new StringWriter(), configuracion));
        }
        finally { File.Delete(archivo); }
        var cli = Assert.Single(await db.Auditoria.Where(r => r.Accion == AccionAuditada.Importacion && r.Usuario.StartsWith("cli:")).ToListAsync());
        Assert.Equal("cli:" + Environment.UserName, cli.Usuario);
    }

    [Theory]
    [InlineData("UPDATE registro_auditoria SET usuario = 'otro'")]
    [InlineData("DELETE FROM registro_auditoria")]
    [InlineData("TRUNCATE registro_auditoria")]
    public async Task LaBaseDeDatos_RechazaModificarOBorrarElRegistro(string sql)
    {
        await using var c = new NpgsqlConnection(app.Base.Conexion);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("solo admite INSERT", e.MessageText);
        await using var cuenta = new NpgsqlCommand("SELECT count(*) FROM registro_auditoria WHERE usuario = 'otro'", c);
        Assert.Equal(0L, await cuenta.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Pagina_FiltraYPagina()
    {
        app.Reloj.Fijar(2024, 11, 20);
        var entidadId = await EntidadIdAsync();
        // 60 inserts in one save: more than one page.
        await ComoAsync(AppDePrueba.Operador, async db =>
        {
            var actividades = await db.Actividades.Include(a => a.Avances).Where(a => a.EntidadId == entidadId).OrderBy(a => a.Id).Skip(10).Take(60).ToListAsync();
            foreach (var a in actividades) a.FijarAvance(10, 1m, null);
            await db.SaveChangesAsync();
        });
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        const string hoy = "2024-11-20";
        var url = $"/e/EMSAPUNO/auditoria?tabla=avance_mensual&usuario=operador&texto=mes%3D10&desde={hoy}&hasta={hoy}";
        var doc = new HtmlParser().ParseDocument(await (await http.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Equal(Sipoi.Web.Pages.Auditoria.IndexModel.FilasPorPagina, doc.QuerySelectorAll("table.auditoria > tbody > tr").Length);
        Assert.Contains("60 registros.", doc.Body!.TextContent);
        var siguiente = doc.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("pagina=2", siguiente);
        var pagina2 = new HtmlParser().ParseDocument(await (await http.GetAsync("/e/EMSAPUNO/auditoria" + siguiente)).Content.ReadAsStringAsync());
        Assert.Equal(10, pagina2.QuerySelectorAll("table.auditoria > tbody > tr").Length);

        // A date range before today finds none of them.
        var ayer = await http.GetAsync("/e/EMSAPUNO/auditoria?tabla=avance_mensual&hasta=2000-01-01");
        Assert.Contains("0 registros.", new HtmlParser().ParseDocument(await ayer.Content.ReadAsStringAsync()).Body!.TextContent);
    }

    [Fact]
    public async Task Csv_ContieneLasFilasFiltradasEnUtf8ConBomYComillasRfc4180()
    {
        var entidadId = await EntidadIdAsync();
        const string logros = "Meta \"superada\", con apoyo\nde la OPP: ñandú";
        const string formula = "=HIPERVINCULO(\"x\")";
        await ComoAsync(AppDePrueba.Operador, async db =>
        {
            var actividad = await db.Actividades.Include(a => a.Avances).Where(a => a.EntidadId == entidadId).OrderBy(a => a.Id).Skip(5).FirstAsync();
            actividad.FijarAvance(9, 2m, null);
            await db.SaveChangesAsync();
            actividad.FijarAvance(9, 2m, null).Justificar(logros, formula, null);
            await db.SaveChangesAsync();
        });

        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await http.GetAsync("/e/EMSAPUNO/auditoria?handler=csv&tabla=avance_mensual&texto=superada");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", r.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var filas = LeerCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["id", "momento", "usuario", "accion", "tabla", "clave", "campo", "valor_anterior", "valor_nuevo"], filas[0]);
        var datos = filas.Skip(1).ToList();
        var fila = Assert.Single(datos);
        Assert.Equal([AppDePrueba.Operador, "cambio", "avance_mensual", "logros", "", logros], new[] { fila[2], fila[3], fila[4], fila[6], fila[7], fila[8] });

        // Text a user typed never becomes a formula in the spreadsheet.
        var formulas = LeerCsv(Encoding.UTF8.GetString((await (await http.GetAsync("/e/EMSAPUNO/auditoria?handler=csv&texto=HIPERVINCULO")).Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal("'" + formula, Assert.Single(formulas.Skip(1))[8]);

        // The same filter, row for row, as the database holds it.
        await using var db2 = app.Base.Contexto();
        Assert.Equal(await db2.Auditoria.CountAsync(a => a.EntidadId == entidadId && a.Tabla == "avance_mensual"
            && (a.Clave.Contains("superada") || a.ValorAnterior!.Contains("superada") || a.ValorNuevo!.Contains("superada"))), datos.Count);

        var todas = LeerCsv(Encoding.UTF8.GetString((await (await http.GetAsync("/e/EMSAPUNO/auditoria?handler=csv")).Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal(await db2.Auditoria.CountAsync(a => a.EntidadId == entidadId), todas.Count - 1);
    }

    /// <summary>An independent RFC 4180 reader: quoted fields, doubled quotes, CRLF records, line breaks inside quotes.</summary>
    private static List<List<string>> LeerCsv(string texto)
    {
        var filas = new List<List<string>>();
        var fila = new List<string>();
        var campo = new StringBuilder();
        var comillas = false;
        for (var i = 0; i < texto.Length; i++)
        {
            var c = texto[i];
            if (comillas)
            {
                if (c == '"' && i + 1 < texto.Length && texto[i + 1] == '"') { campo.Append('"'); i++; }
                else if (c == '"') comillas = false;
                else campo.Append(c);
            }
            else if (c == '"') comillas = true;
            else if (c == ',') { fila.Add(campo.ToString()); campo.Clear(); }
            else if (c == '\r' && i + 1 < texto.Length && texto[i + 1] == '\n')
            {
                fila.Add(campo.ToString()); campo.Clear();
                filas.Add(fila); fila = [];
                i++;
            }
            else campo.Append(c);
        }
        Assert.False(comillas);
        Assert.Empty(fila);
        return filas;
    }
}
