using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Sipoi.Web.Salud;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Nodos;

/// <summary>
/// The node's probes (Salud/): /salud/vivo answers while the process runs, database or not; /salud/listo only when the
/// node may take traffic — warm, not shutting down, database reachable and migrated — and 503 with the reason otherwise.
/// </summary>
public sealed class SaludTests(NodoConBase fixture) : IClassFixture<NodoConBase>
{
    private readonly BaseDePrueba _base = fixture.Base;
    private readonly NodoDePrueba _nodo = fixture.Nodo;

    private static async Task<(HttpStatusCode Codigo, string Texto)> PedirAsync(NodoDePrueba nodo, string ruta)
    {
        var r = await nodo.Cliente().GetAsync(ruta);
        Assert.Equal("no-store", r.Headers.CacheControl?.ToString());
        Assert.Equal("text/plain", r.Content.Headers.ContentType?.MediaType);
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    /// <summary>Readiness once the warm-up is over (it runs in the background after start).</summary>
    private static async Task<(HttpStatusCode Codigo, string Texto)> ListoTrasPrecalentarAsync(NodoDePrueba nodo)
    {
        var estado = nodo.Services.GetRequiredService<EstadoNodo>();
        var reloj = Stopwatch.StartNew();
        while (!estado.Calentado && reloj.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        Assert.True(estado.Calentado, "el precalentamiento no terminó en 60 s");
        return await PedirAsync(nodo, SaludNodo.RutaListo);
    }

    [Fact]
    public async Task Vivo_Responde200AnonimoYSinCache()
    {
        Assert.Equal((HttpStatusCode.OK, "vivo"), await PedirAsync(_nodo, SaludNodo.RutaVivo));
    }

    [Fact]
    public async Task Listo_ConLaBaseMigradaYCaliente_Responde200()
    {
        Assert.Equal((HttpStatusCode.OK, "listo"), await ListoTrasPrecalentarAsync(_nodo));
    }

    [Fact]
    public async Task Listo_BaseInaccesible_Responde503YVivoSigue200()
    {
        Assert.Equal(HttpStatusCode.OK, (await ListoTrasPrecalentarAsync(_nodo)).Codigo);
        var servidor = Environment.GetEnvironmentVariable("SIPOI_TEST_CONEXION")!;
        try
        {
            // Nobody may connect any more, and the app's open connections are cut: the database is gone for this node.
            await NodoDePrueba.EscalarAsync(servidor, $"ALTER DATABASE {_base.Nombre} ALLOW_CONNECTIONS false");
            await NodoDePrueba.EscalarAsync(servidor,
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{_base.Nombre}' AND pid <> pg_backend_pid()");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "no listo: base de datos inaccesible"), await PedirAsync(_nodo, SaludNodo.RutaListo));
            Assert.Equal((HttpStatusCode.OK, "vivo"), await PedirAsync(_nodo, SaludNodo.RutaVivo));
        }
        finally
        {
            await NodoDePrueba.EscalarAsync(servidor, $"ALTER DATABASE {_base.Nombre} ALLOW_CONNECTIONS true");
        }
        // Back as soon as the database is (the pool drops the broken connections).
        // The pools (the app's, and the owner's of this test) hold the connections that were cut: drop them.
        NpgsqlConnection.ClearAllPools();
        Assert.Equal((HttpStatusCode.OK, "listo"), await PedirAsync(_nodo, SaludNodo.RutaListo));
    }

    [Fact]
    public async Task Listo_ConUnaMigracionPendiente_Responde503()
    {
        Assert.Equal(HttpStatusCode.OK, (await ListoTrasPrecalentarAsync(_nodo)).Codigo);
        const string ultima = "20261207000025_ClavesProteccionDatos";
        var producto = (string)(await NodoDePrueba.EscalarAsync(_base.Conexion,
            $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{ultima}' RETURNING \"ProductVersion\""))!;
        try
        {
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "no listo: 1 migración pendiente"), await PedirAsync(_nodo, SaludNodo.RutaListo));
        }
        finally
        {
            await NodoDePrueba.EscalarAsync(_base.Conexion,
                $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{ultima}', '{producto}')");
        }
        Assert.Equal((HttpStatusCode.OK, "listo"), await PedirAsync(_nodo, SaludNodo.RutaListo));
    }

    [Fact]
    public async Task Listo_AlEmpezarElCierre_Responde503YVivoSigue200()
    {
        using var nodo = new NodoDePrueba(_base, new Dictionary<string, string> { ["Sipoi:Nodo:SegundosDeCierre"] = "12" });
        Assert.Equal(TimeSpan.FromSeconds(12), nodo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(HttpStatusCode.OK, (await ListoTrasPrecalentarAsync(nodo)).Codigo);

        // The node as shutdown starts: a request still gets through while the server drains.
        var estado = nodo.Services.GetRequiredService<EstadoNodo>();
        estado.MarcarCierre();
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "no listo: cerrando"), await PedirAsync(nodo, SaludNodo.RutaListo));
        Assert.Equal((HttpStatusCode.OK, "vivo"), await PedirAsync(nodo, SaludNodo.RutaVivo));
    }

    [Fact]
    public void StopApplication_MarcaElCierre()
    {
        using var nodo = new NodoDePrueba(_base);
        var estado = nodo.Services.GetRequiredService<EstadoNodo>();
        Assert.False(estado.Cerrando);
        // The test host stops for real right after (TestServer disposed): only the state can be read, not a request.
        nodo.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        Assert.True(estado.Cerrando);
    }

    [Fact]
    public async Task Precalentamiento_EvaluaElPoiMasReciente() =>
        Assert.Equal("EMSAPUNO 2024", await Precalentamiento.EjecutarAsync(_nodo.Services, CancellationToken.None));

    [Fact]
    public async Task Listo_MientrasPrecalienta_Responde503()
    {
        // The warm-up reads the monthly progress: held by a lock, it cannot finish until the lock is released.
        await using var bloqueo = new NpgsqlConnection(_base.Conexion);
        await bloqueo.OpenAsync();
        await using var tx = await bloqueo.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("LOCK TABLE avance_mensual IN ACCESS EXCLUSIVE MODE", bloqueo, tx)) await cmd.ExecuteNonQueryAsync();
        NodoDePrueba? nodo = null;
        try
        {
            // Nothing before the warm-up reads that table (no demo load, no grants: the database is already migrated).
            nodo = await Task.Run(() => new NodoDePrueba(_base, new Dictionary<string, string>
            {
                ["Sipoi:CargarDemo"] = "false",
                ["ConnectionStrings:SipoiMigracion"] = "",
            })).WaitAsync(TimeSpan.FromSeconds(120));
            Assert.False(nodo.Services.GetRequiredService<EstadoNodo>().Calentado);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "no listo: precalentando"), await PedirAsync(nodo, SaludNodo.RutaListo));
            Assert.Equal((HttpStatusCode.OK, "vivo"), await PedirAsync(nodo, SaludNodo.RutaVivo));
        }
        finally
        {
            await tx.RollbackAsync();
        }
        Assert.NotNull(nodo);
        Assert.Equal((HttpStatusCode.OK, "listo"), await ListoTrasPrecalentarAsync(nodo));
        await nodo.DisposeAsync();
    }

    [Fact]
    public async Task SinPrecalentamiento_ListoAlArrancar()
    {
        using var nodo = new NodoDePrueba(_base, new Dictionary<string, string> { ["Sipoi:Nodo:Precalentar"] = "false" });
        Assert.True(nodo.Services.GetRequiredService<EstadoNodo>().Calentado);
        Assert.Equal((HttpStatusCode.OK, "listo"), await PedirAsync(nodo, SaludNodo.RutaListo));
    }

    [Fact]
    public void CierrePorDefecto_Espera30Segundos() =>
        Assert.Equal(TimeSpan.FromSeconds(30), _nodo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);

    [Fact]
    public async Task Sondas_TrasElProxy_NoSeRedirigenAHttps()
    {
        using var nodo = new NodoDePrueba(_base, new Dictionary<string, string> { ["Sipoi:ProxyInverso"] = "10.0.0.5" });
        Assert.Equal((HttpStatusCode.OK, "vivo"), await PedirAsync(nodo, SaludNodo.RutaVivo));
        Assert.Equal(HttpStatusCode.OK, (await ListoTrasPrecalentarAsync(nodo)).Codigo);
        // Everything else still goes to https.
        Assert.Equal(HttpStatusCode.PermanentRedirect, (await nodo.Cliente().GetAsync("/cuenta/ingresar")).StatusCode);
    }
}

/// <summary>One node on its own database, shared by a test class (each test puts back what it changes).</summary>
public sealed class NodoConBase : IAsyncLifetime
{
    public BaseDePrueba Base { get; private set; } = null!;
    public NodoDePrueba Nodo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Base = await BaseDePrueba.CrearAsync();
        Nodo = new NodoDePrueba(Base);
    }

    public async Task DisposeAsync()
    {
        await Nodo.DisposeAsync();
        await Base.DisposeAsync();
    }
}
