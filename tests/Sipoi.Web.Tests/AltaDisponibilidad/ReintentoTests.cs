using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Sipoi.Domain.Organizacion;
using Sipoi.Web.Arranque;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Nodos;

namespace Sipoi.Web.Tests.AltaDisponibilidad;

/// <summary>
/// Transient failures retried by the data layer (issue 17, item 3; Arranque/EstrategiaReintento.cs). The failure is
/// real: the first data-changing command of the save finds its server session terminated (pg_terminate_backend, what a
/// primary going away looks like to the app). The save must be retried, land once, and be audited once.
/// </summary>
public sealed class ReintentoTests : IAsyncLifetime
{
    private const string Autor = "prueba-reintento";
    private BaseDePrueba _bd = null!;

    public async Task InitializeAsync()
    {
        _bd = await BaseDePrueba.CrearAsync();
        using var nodo = new NodoDePrueba(_bd); // migrates and loads the demo entity
    }

    public async Task DisposeAsync() => await _bd.DisposeAsync();

    /// <summary>The app's context as registered (same strategy, audit interceptor), plus the session killer.</summary>
    private SipoiDbContext Contexto(IInterceptor corte) => new(new DbContextOptionsBuilder<SipoiDbContext>()
        .UseNpgsql(_bd.ConexionApp, BaseDeDatos.Npgsql).ConfigureWarnings(BaseDeDatos.Advertencias)
        .AddInterceptors(new InterceptorAuditoria(null, TimeProvider.System, Autor), corte).Options);

    private async Task<long> AuditoriaAsync(string condicion) =>
        (long)(await NodoDePrueba.EscalarAsync(_bd.Conexion, $"SELECT count(*) FROM registro_auditoria WHERE usuario = '{Autor}' AND {condicion}"))!;

    [Fact]
    public async Task CambioConSesionCortada_SeReintentaYSeGuardaYAuditaUnaVez()
    {
        var corte = new CorteDeSesion(_bd.ConexionApp, "UPDATE");
        await using (var db = Contexto(corte))
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad);
            entidad.Actualizar("EMSAPUNO REINTENTADA", entidad.Tipo, entidad.Siglas, entidad.Vision);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, corte.Cortes);
        Assert.Equal("EMSAPUNO REINTENTADA", await NodoDePrueba.EscalarAsync(_bd.Conexion,
            $"SELECT nombre FROM entidad WHERE codigo = '{DatosDemo.CodigoEntidad}'"));
        Assert.Equal(1L, await AuditoriaAsync("tabla = 'entidad' AND campo = 'nombre' AND valor_nuevo = 'EMSAPUNO REINTENTADA'"));
        Assert.Equal(1L, await AuditoriaAsync("true"));
    }

    [Fact]
    public async Task AltaConSesionCortada_ReintentaLaTransaccionDeAuditoria_UnaFilaYUnaAlta()
    {
        // An insert with a generated key: the interceptor opens its own transaction to log it after the save.
        var corte = new CorteDeSesion(_bd.ConexionApp, "INSERT");
        int id;
        await using (var db = Contexto(corte))
        {
            var entidadId = await db.Entidades.Where(e => e.Codigo == DatosDemo.CodigoEntidad).Select(e => e.Id).SingleAsync();
            var centro = new CentroCosto(entidadId, "99.01", "CENTRO REINTENTADO");
            db.CentrosCosto.Add(centro);
            await db.SaveChangesAsync();
            id = centro.Id;
        }

        Assert.Equal(1, corte.Cortes);
        Assert.Equal(1L, await NodoDePrueba.EscalarAsync(_bd.Conexion, "SELECT count(*) FROM centro_costo WHERE nombre = 'CENTRO REINTENTADO'"));
        Assert.Equal(id, await NodoDePrueba.EscalarAsync(_bd.Conexion, "SELECT id FROM centro_costo WHERE nombre = 'CENTRO REINTENTADO'"));
        Assert.Equal(1L, await AuditoriaAsync($"tabla = 'centro_costo' AND accion = 'alta' AND clave LIKE '{id} %'"));
        Assert.Equal(1L, await AuditoriaAsync("true"));
    }

    [Fact]
    public async Task UnidadDeVariosGuardados_ElReintentoEmpiezaDeLaBase_NadaSePierde()
    {
        // Data/Reintento: the first save of the unit lands in the transaction, the second finds its session cut. The
        // rollback undoes the first too; the retry must write both again, not trust the change tracker's "already saved".
        var corte = new CorteDeSesion(_bd.ConexionApp, "INSERT INTO centro_costo");
        await using (var db = Contexto(corte))
        {
            await db.UnidadAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var entidad = await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad);
                entidad.Actualizar("EMSAPUNO UNIDAD", entidad.Tipo, entidad.Siglas, entidad.Vision);
                await db.SaveChangesAsync();
                db.CentrosCosto.Add(new CentroCosto(entidad.Id, "99.02", "CENTRO DE LA UNIDAD"));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            });
        }

        Assert.Equal(1, corte.Cortes);
        Assert.Equal("EMSAPUNO UNIDAD", await NodoDePrueba.EscalarAsync(_bd.Conexion,
            $"SELECT nombre FROM entidad WHERE codigo = '{DatosDemo.CodigoEntidad}'"));
        Assert.Equal(1L, await NodoDePrueba.EscalarAsync(_bd.Conexion, "SELECT count(*) FROM centro_costo WHERE nombre = 'CENTRO DE LA UNIDAD'"));
        Assert.Equal(1L, await AuditoriaAsync("tabla = 'entidad' AND campo = 'nombre' AND valor_nuevo = 'EMSAPUNO UNIDAD'"));
    }

    [Fact]
    public async Task CambioConfirmadoConRespuestaPerdida_ElReintentoNoLoEscribeDosVeces_SinoUnConflicto()
    {
        // The commit lands, then the connection fails before its answer reaches the app: the strategy retries the
        // save. The retry carries the version token (xmin) the first attempt already changed, so it matches no row:
        // a conflict the caller sees (the API answers 409 and the client reads the month again), never a second write.
        var perdida = new RespuestaPerdida();
        await using (var db = Contexto(perdida))
        {
            var ficha = await db.Fichas.OrderBy(f => f.Id).FirstAsync();
            ficha.Actualizar("FICHA CONFIRMADA", ficha.Gerencia, ficha.CentroCostoId, ficha.Responsable, ficha.Objetivo, ficha.Peso);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(1, perdida.Perdidas);
        Assert.Equal(1L, await NodoDePrueba.EscalarAsync(_bd.Conexion, "SELECT count(*) FROM ficha_proceso WHERE nombre = 'FICHA CONFIRMADA'"));
        Assert.Equal(1L, await AuditoriaAsync("tabla = 'ficha_proceso' AND campo = 'nombre' AND valor_nuevo = 'FICHA CONFIRMADA'"));
        Assert.Equal(1L, await AuditoriaAsync("true"));
    }

    [Fact]
    public async Task CambioSinVersionConfirmadoConRespuestaPerdida_ElReintentoEscribeLoMismo_NadaSeDuplicaNiPierde()
    {
        // A table without a version token (the entity's own row): the retry writes the same values again. The row is
        // right; the audit log may hold the change twice (same old → new, docs/despliegue.md), never a different one.
        var perdida = new RespuestaPerdida();
        await using (var db = Contexto(perdida))
        {
            var entidad = await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad);
            entidad.Actualizar("EMSAPUNO CONFIRMADA", entidad.Tipo, entidad.Siglas, entidad.Vision);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, perdida.Perdidas);
        Assert.Equal("EMSAPUNO CONFIRMADA", await NodoDePrueba.EscalarAsync(_bd.Conexion,
            $"SELECT nombre FROM entidad WHERE codigo = '{DatosDemo.CodigoEntidad}'"));
        var cambios = await AuditoriaAsync("tabla = 'entidad' AND campo = 'nombre' AND valor_nuevo = 'EMSAPUNO CONFIRMADA'");
        Assert.InRange(cambios, 1L, 2L);
        Assert.Equal(cambios, await AuditoriaAsync("true"));
    }

    [Fact]
    public async Task AltaConfirmadaConRespuestaPerdida_ElErrorLlegaAlUsuario_UnaFilaYUnaAlta()
    {
        // An insert is logged in the audit transaction the interceptor commits after EF's save; a lost answer to that
        // COMMIT is not retried (the save already counts as done): the caller sees the error, the centre and its log
        // row are there once, and a second try by hand meets the unique key (entity, code).
        var perdida = new RespuestaPerdida();
        await using (var db = Contexto(perdida))
        {
            var entidadId = await db.Entidades.Where(e => e.Codigo == DatosDemo.CodigoEntidad).Select(e => e.Id).SingleAsync();
            db.CentrosCosto.Add(new CentroCosto(entidadId, "99.03", "CENTRO CONFIRMADO"));
            var error = await Assert.ThrowsAsync<NpgsqlException>(() => db.SaveChangesAsync());
            Assert.IsType<IOException>(error.InnerException);
        }

        Assert.Equal(1, perdida.Perdidas);
        Assert.Equal(1L, await NodoDePrueba.EscalarAsync(_bd.Conexion, "SELECT count(*) FROM centro_costo WHERE nombre = 'CENTRO CONFIRMADO'"));
        Assert.Equal(1L, await AuditoriaAsync("tabla = 'centro_costo' AND accion = 'alta'"));
        Assert.Equal(1L, await AuditoriaAsync("true"));
    }

    [Fact]
    public async Task TransaccionPropiaSinEnvolver_SeEjecutaUnaVezSinReintento()
    {
        // A caller's transaction not wrapped in the strategy is not retried (only the caller knows what to repeat):
        // the failure reaches it and nothing is saved, as before retries existed.
        var corte = new CorteDeSesion(_bd.ConexionApp, "UPDATE");
        await using var db = Contexto(corte);
        await using var tx = await db.Database.BeginTransactionAsync();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad);
        entidad.Actualizar("NO GUARDADA", entidad.Tipo, entidad.Siglas, entidad.Vision);
        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());

        Assert.Equal(1, corte.Cortes);
        Assert.Equal(0L, await NodoDePrueba.EscalarAsync(_bd.Conexion, "SELECT count(*) FROM entidad WHERE nombre = 'NO GUARDADA'"));
        Assert.Equal(0L, await AuditoriaAsync("true"));
    }
}

/// <summary>
/// Terminates the session of the first command whose text contains <paramref name="verbo"/> just before it is sent,
/// from another connection of the same role (a role may signal its own backends), once.
/// </summary>
internal sealed class CorteDeSesion(string conexion, string verbo) : DbCommandInterceptor
{
    public int Cortes { get; private set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await CortarAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CortarAsync(command, cancellationToken);
        return result;
    }

    private async Task CortarAsync(DbCommand command, CancellationToken ct)
    {
        if (Cortes > 0 || !command.CommandText.Contains(verbo, StringComparison.Ordinal)) return;
        Cortes++;
        var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
        await using var c = new NpgsqlConnection(conexion);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", c);
        cmd.Parameters.AddWithValue("pid", pid);
        Assert.Equal(true, await cmd.ExecuteScalarAsync(ct));
    }
}

/// <summary>
/// The first transaction commits, then its answer is "lost": the connection fails as a dropped socket does (an
/// <see cref="NpgsqlException"/> over an <see cref="IOException"/>, which Npgsql calls transient).
/// </summary>
internal sealed class RespuestaPerdida : DbTransactionInterceptor
{
    public int Perdidas { get; private set; }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (Perdidas > 0) return Task.CompletedTask;
        Perdidas++;
        throw new NpgsqlException("Se perdió la respuesta del COMMIT (prueba).", new IOException("conexión cortada"));
    }
}
