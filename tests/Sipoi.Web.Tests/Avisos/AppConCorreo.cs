using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Web.Avisos;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Seguridad;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Avisos;

/// <summary>
/// The real app (as <see cref="AppDePrueba"/>: its own database, the demo, a settable clock) with an SMTP server configured:
/// a <see cref="ServidorSmtpDePrueba"/> on a local port. The background loop is off on this host
/// (Sipoi:Avisos:SegundosEntreEnvios = 0) so each test decides when the scan and the sending run, through the same
/// services the loop calls.
/// </summary>
public sealed class AppConCorreo : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string UrlPublica = "https://sipoi.prueba.gob.pe";
    public const string Remitente = "sipoi@prueba.gob.pe";

    public BaseDePrueba Base { get; private set; } = null!;
    public RelojDePrueba Reloj { get; } = new();
    public ServidorSmtpDePrueba Smtp { get; } = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _sesiones = new(StringComparer.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        Base = await BaseDePrueba.CrearAsync();
        Smtp.Iniciar();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        AppDePrueba.Configurar(builder, Base, Reloj);
        builder.UseSetting("Sipoi:UrlPublica", UrlPublica);
        builder.UseSetting("Sipoi:Correo:Servidor", "127.0.0.1");
        builder.UseSetting("Sipoi:Correo:Puerto", Smtp.Puerto.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Sipoi:Correo:Seguridad", "Ninguna");
        builder.UseSetting("Sipoi:Correo:Remitente", $"SIPOI <{Remitente}>");
        builder.UseSetting("Sipoi:Avisos:SegundosEntreEnvios", "0");
    }

    public Task<HttpClient> ComoAsync(string correo) =>
        _sesiones.GetOrAdd(correo, c => new Lazy<Task<HttpClient>>(async () =>
        {
            var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var r = await AppDePrueba.IngresarAsync(http, c, DatosDemo.Contrasena);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode);
            return http;
        })).Value;

    /// <summary>An Operador of the demo entity assigned to <paramref name="centro"/>; its id.</summary>
    public async Task<int> OperadorAsync(string correo, string centro)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        var usuarios = scope.ServiceProvider.GetRequiredService<UserManager<Usuario>>();
        var entidadId = await db.Entidades.Where(e => e.Codigo == DatosDemo.CodigoEntidad).Select(e => e.Id).SingleAsync();
        var u = new Usuario(entidadId, correo, "Operador " + centro);
        Assert.True((await usuarios.CreateAsync(u, DatosDemo.Contrasena)).Succeeded);
        Assert.True((await usuarios.AddToRoleAsync(u, Roles.Operador)).Succeeded);
        await using var dbo = Base.Contexto();
        var usuario = await dbo.Users.Include(x => x.Centros).SingleAsync(x => x.Id == u.Id);
        usuario.AsignarCentro(await dbo.CentrosCosto.SingleAsync(x => x.Codigo == centro && x.EntidadId == entidadId));
        await dbo.SaveChangesAsync();
        return u.Id;
    }

    /// <summary>What the background loop does each round: send what is due.</summary>
    public async Task<int> EnviarAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EnvioAvisos>().EnviarPendientesAsync(CancellationToken.None);
    }

    /// <summary>What the background loop does every Sipoi:Avisos:MinutosEntreRevisiones: scan deadlines and recommendations (N = 3).</summary>
    public async Task<int> EscanearAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        return await EscanerAvisos.EscanearAsync(db, Reloj.GetUtcNow(), 3, CancellationToken.None);
    }

    public async Task<List<AvisoCorreo>> AvisosDeAsync(int usuarioId)
    {
        await using var db = Base.Contexto();
        return await db.AvisosCorreo.AsNoTracking().Where(a => a.UsuarioId == usuarioId).OrderBy(a => a.Id).ToListAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var s in _sesiones.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully)) s.Value.Result.Dispose();
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Base.DisposeAsync();
    }
}
