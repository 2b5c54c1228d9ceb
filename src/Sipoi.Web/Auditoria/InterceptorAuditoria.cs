using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Sipoi.Web.Data;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Auditoria;

/// <summary>
/// Writes the audit log from what the change tracker is about to save, so no screen can forget to.
/// Every table is audited except the log itself and Identity's secrets (tokens, external logins, claims);
/// a new table is audited without anyone asking.
/// <para>
/// Changes and deletes are written in the same batch as the data. An insert whose key the database
/// generates is known only after the save: its rows are written right after it, inside a transaction
/// the interceptor opens when the caller has none, so data and log commit together or not at all.
/// </para>
/// Set-based statements (ExecuteUpdate/ExecuteDelete, COPY) bypass SaveChanges and are not audited
/// row by row: only the importer uses them, and it writes one row for the whole import.
/// </summary>
public sealed class InterceptorAuditoria(IHttpContextAccessor? http, TimeProvider reloj, string autorFueraDeHttp) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> NoAuditados =
    [
        typeof(EntradaAuditoria), typeof(IdentityUserClaim<int>), typeof(IdentityRoleClaim<int>),
        typeof(IdentityUserLogin<int>), typeof(IdentityUserToken<int>),
        // The e-mail outbox is a log of its own (state, attempts, errors); its texts repeat audited data.
        typeof(Sipoi.Web.Avisos.AvisoCorreo),
        // Data-protection keys are secrets (Arranque/Nodos.cs): their XML must never be copied into the log.
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    /// <summary>Bookkeeping columns that change on every sign-in or save and say nothing to an auditor.</summary>
    private static readonly Dictionary<Type, HashSet<string>> CamposOmitidos = new()
    {
        [typeof(Usuario)] = [nameof(Usuario.NormalizedUserName), nameof(Usuario.NormalizedEmail), nameof(Usuario.SecurityStamp),
            nameof(Usuario.ConcurrencyStamp), nameof(Usuario.AccessFailedCount)],
        [typeof(Rol)] = [nameof(Rol.NormalizedName), nameof(Rol.ConcurrencyStamp)],
        // The file itself is not a value a reader compares: name, type, size and uploader are logged.
        [typeof(Sipoi.Web.Seguimiento.ArchivoEvidencia)] = [nameof(Sipoi.Web.Seguimiento.ArchivoEvidencia.Contenido)],
        [typeof(DocumentoOficial)] = [nameof(DocumentoOficial.Contenido)],
        // A token's hash is a credential; its last use changes on every call. Creation and revocation are logged.
        [typeof(TokenApi)] = [nameof(TokenApi.Hash), nameof(TokenApi.UltimoUso)],
    };

    /// <summary>Secrets: the log says they changed, never what they are.</summary>
    private static readonly HashSet<string> CamposOcultos = [nameof(Usuario.PasswordHash)];
    private const string Oculto = "(oculto)";
    private const string OcultoCambiado = "(oculto, cambiado)";

    /// <summary>Properties that make a key readable to a person ("123 (actividad_id=45, mes=3)").</summary>
    private static readonly string[] Descriptivos = ["Codigo", "Anio", "Numero", "ActividadId", "ProgramacionId", "Mes", "Generica", "Email"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private DateTimeOffset Ahora() => reloj.GetUtcNow();

    /// <summary>The signed-in user of the current request; the process's name outside a request.</summary>
    public string Autor()
    {
        var contexto = http?.HttpContext;
        if (contexto is null) return autorFueraDeHttp;
        return contexto.User.Identity is { IsAuthenticated: true } id ? id.Name ?? "(sin nombre)" : "anónimo";
    }

    /// <summary>
    /// Adds one row for an operation the row-by-row log does not see (an import). Contexts built
    /// without the interceptor (tests, benchmarks) audit nothing, this included.
    /// </summary>
    public static void RegistrarOperacion(SipoiDbContext db, int? entidadId, string tabla, string clave, AccionAuditada accion, string? detalle)
    {
        if (De(db) is not { } interceptor) return;
        db.Auditoria.Add(new EntradaAuditoria(entidadId, interceptor.Autor(), interceptor.Ahora(), tabla, Recortar(clave), null, null, detalle, accion));
    }

    /// <summary>
    /// Who and when the log would name for a change made now through this context: what code that
    /// stamps rows itself (the importer's approved months) writes, so row and log agree.
    /// A context without the interceptor answers "sistema" and the system clock.
    /// </summary>
    public static (string Autor, DateTimeOffset Momento) AutorYMomento(SipoiDbContext db) =>
        De(db) is { } i ? (i.Autor(), i.Ahora()) : ("sistema", TimeProvider.System.GetUtcNow());

    private static InterceptorAuditoria? De(SipoiDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<InterceptorAuditoria>().FirstOrDefault();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SipoiDbContext db)
        {
            using (new UnaDeteccion(db)) Preparar(db, ids => BuscarEntidades(db, ids));
            if (db.PendienteAuditoria is { Altas.Count: > 0 } p && db.Database.CurrentTransaction is null)
                p.Transaccion = db.Database.BeginTransaction();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SipoiDbContext db)
        {
            using (new UnaDeteccion(db))
            {
                var usuarios = await UsuariosPorResolverAsync(db, cancellationToken);
                Preparar(db, _ => usuarios);
            }
            if (db.PendienteAuditoria is { Altas.Count: > 0 } p && db.Database.CurrentTransaction is null)
                p.Transaccion = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is SipoiDbContext { AuditoriaEnCurso: not null } guardado) guardado.AuditoriaEnCurso = null;
        if (eventData.Context is SipoiDbContext db && db.PendienteAuditoria is { } p)
        {
            db.PendienteAuditoria = null;
            try
            {
                db.Auditoria.AddRange(p.Altas.Select(a => Alta(a, p)));
                db.SaveChanges();
                p.Transaccion?.Commit();
            }
            catch
            {
                Deshacer(p);
                throw;
            }
            finally { p.Transaccion?.Dispose(); }
        }
        return result;
    }

    /// <summary>
    /// Rolls back the audit transaction of a save that failed, without hiding why it failed: when the connection broke
    /// (or the COMMIT landed and only its answer was lost) the transaction is already unusable and its rollback throws;
    /// the original error must reach the execution strategy, which decides whether to retry.
    /// </summary>
    private static void Deshacer(PendienteAuditoria p)
    {
        try { p.Transaccion?.Rollback(); }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or ObjectDisposedException) { }
    }

    private static async Task DeshacerAsync(PendienteAuditoria p)
    {
        try { if (p.Transaccion is { } t) await t.RollbackAsync(CancellationToken.None); }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or ObjectDisposedException) { }
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SipoiDbContext { AuditoriaEnCurso: not null } guardado) guardado.AuditoriaEnCurso = null;
        if (eventData.Context is SipoiDbContext db && db.PendienteAuditoria is { } p)
        {
            db.PendienteAuditoria = null;
            try
            {
                db.Auditoria.AddRange(p.Altas.Select(a => Alta(a, p)));
                await db.SaveChangesAsync(cancellationToken);
                if (p.Transaccion is { } t) await t.CommitAsync(cancellationToken);
            }
            catch
            {
                await DeshacerAsync(p);
                throw;
            }
            finally
            {
                if (p.Transaccion is { } t) await t.DisposeAsync();
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandonar(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandonar(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandonar(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandonar(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Abandonar(DbContext? contexto)
    {
        if (contexto is not SipoiDbContext db) return;
        // The failed save's log rows go with it: a retry of the same changes prepares them again, once.
        if (db.AuditoriaEnCurso is { } filas)
        {
            db.AuditoriaEnCurso = null;
            foreach (var f in filas)
                if (db.Entry(f) is { State: EntityState.Added } e) e.State = EntityState.Detached;
        }
        if (db.PendienteAuditoria is not { } p) return;
        db.PendienteAuditoria = null;
        p.Transaccion?.Rollback();
        p.Transaccion?.Dispose();
    }

    /// <summary>Writes the rows of changes and deletes now; keeps inserts with database-generated keys for after the save.</summary>
    private void Preparar(SipoiDbContext db, Func<IReadOnlyCollection<int>, IReadOnlyDictionary<int, int>> entidadesDeUsuarios)
    {
        if (db.AuditoriaSuspendida || db.PendienteAuditoria is not null) return;
        var entradas = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !NoAuditados.Contains(e.Metadata.ClrType))
            .Where(e => !(db.AuditoriaSinAltas && e.State == EntityState.Added))
            .ToList();
        if (entradas.Count == 0) return;

        var lote = new Lote(Ahora(), Autor(), EntidadesDeUsuarios(db, entradas, entidadesDeUsuarios));
        var altas = new List<EntityEntry>();
        var filas = new List<EntradaAuditoria>();
        foreach (var e in entradas.Where(e => !e.Metadata.IsOwned()))
        {
            switch (e.State)
            {
                case EntityState.Modified:
                    filas.AddRange(Cambios(e, e.Properties.Select(p => (p, p.OriginalValue)), lote));
                    break;
                case EntityState.Deleted:
                    filas.Add(Fila(e, lote, AccionAuditada.Baja, null, Instantanea(e, original: true), null));
                    break;
                case EntityState.Added when e.Properties.Any(p => p.IsTemporary):
                    altas.Add(e);
                    break;
                case EntityState.Added:
                    filas.Add(Fila(e, lote, AccionAuditada.Alta, null, null, Instantanea(e, original: false)));
                    break;
            }
        }
        filas.AddRange(CambiosDePropios(entradas.Where(e => e.Metadata.IsOwned()).ToList(), lote));
        db.Auditoria.AddRange(filas);
        db.AuditoriaEnCurso = filas;
        if (altas.Count > 0) db.PendienteAuditoria = new PendienteAuditoria(altas, lote);
    }

    /// <summary>
    /// Owned values (the entity's settings) live in their owner's row. Replacing the settings record
    /// shows up as the old one deleted and the new one added under the same key: a field-by-field change.
    /// An owned record added or deleted with its owner is already in the owner's snapshot.
    /// </summary>
    private static IEnumerable<EntradaAuditoria> CambiosDePropios(List<EntityEntry> propios, Lote lote)
    {
        foreach (var grupo in propios.GroupBy(e => (e.Metadata, Clave: string.Join(",", ValoresClave(e, original: false)))))
        {
            var modificado = grupo.FirstOrDefault(e => e.State == EntityState.Modified);
            var nuevo = grupo.FirstOrDefault(e => e.State == EntityState.Added);
            var viejo = grupo.FirstOrDefault(e => e.State == EntityState.Deleted);
            if (modificado is not null)
                foreach (var f in Cambios(modificado, modificado.Properties.Select(p => (p, p.OriginalValue)), lote)) yield return f;
            else if (nuevo is not null && viejo is not null)
                foreach (var f in Cambios(nuevo, nuevo.Properties.Select(p => (p, viejo.Property(p.Metadata.Name).OriginalValue)), lote)) yield return f;
        }
    }

    private static IEnumerable<EntradaAuditoria> Cambios(EntityEntry e, IEnumerable<(PropertyEntry Propiedad, object? Anterior)> valores, Lote lote)
    {
        foreach (var (p, anterior) in valores)
        {
            if (p.Metadata.IsPrimaryKey() || !Auditado(e, p.Metadata)) continue;
            if (p.Metadata.GetValueComparer().Equals(anterior, p.CurrentValue)) continue;
            if (CamposOcultos.Contains(p.Metadata.Name))
            {
                yield return Fila(e, lote, AccionAuditada.Cambio, Columna(p.Metadata), Oculto, OcultoCambiado);
                continue;
            }
            var (antes, despues) = (Formatear(anterior), Formatear(p.CurrentValue));
            // 12.5 and 12.5000 are different to the comparer only in scale: nothing a reader would call a change.
            if (antes != despues) yield return Fila(e, lote, AccionAuditada.Cambio, Columna(p.Metadata), antes, despues);
        }
    }

    private static EntradaAuditoria Alta(EntityEntry e, PendienteAuditoria p) =>
        Fila(e, p.Lote, AccionAuditada.Alta, null, null, Instantanea(e, original: false));

    private static EntradaAuditoria Fila(EntityEntry e, Lote lote, AccionAuditada accion, string? campo, string? anterior, string? nuevo)
    {
        var original = e.State == EntityState.Deleted;
        var tabla = e.Metadata.GetTableName() ?? e.Metadata.ShortName();
        return new EntradaAuditoria(EntidadDe(e, original, lote), lote.Autor, lote.Momento, tabla, Recortar(Clave(e, original)), campo, anterior, nuevo, accion);
    }

    /// <summary>A key longer than the column never makes a save fail: it is cut, the primary key first.</summary>
    private static string Recortar(string clave) =>
        clave.Length <= EntradaAuditoria.LargoMaximoClave ? clave : clave[..(EntradaAuditoria.LargoMaximoClave - 1)] + "…";

    /// <summary>The whole record as JSON (column → value), owned settings included, nulls left out.</summary>
    private static string Instantanea(EntityEntry e, bool original)
    {
        var valores = new Dictionary<string, string?>();
        void Agregar(EntityEntry entrada)
        {
            foreach (var p in entrada.Properties)
            {
                if (!Auditado(entrada, p.Metadata) || (entrada.Metadata.IsOwned() && p.Metadata.IsPrimaryKey())) continue;
                var valor = original ? p.OriginalValue : p.CurrentValue;
                if (valor is null) continue;
                valores[Columna(p.Metadata)] = CamposOcultos.Contains(p.Metadata.Name) ? Oculto : Formatear(valor);
            }
        }
        Agregar(e);
        foreach (var r in e.References.Where(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is not null)) Agregar(r.TargetEntry!);
        return JsonSerializer.Serialize(valores, Json);
    }

    private static bool Auditado(EntityEntry e, IProperty p) =>
        !(CamposOmitidos.TryGetValue(e.Metadata.ClrType, out var omitidos) && omitidos.Contains(p.Name));

    private static string Columna(IProperty p) => p.GetColumnName();

    private static IEnumerable<string?> ValoresClave(EntityEntry e, bool original) =>
        e.Metadata.FindPrimaryKey()!.Properties.Select(p => Formatear(original ? e.Property(p.Name).OriginalValue : e.Property(p.Name).CurrentValue));

    /// <summary>"123 (actividad_id=45, mes=3)": the primary key, plus what makes it readable.</summary>
    private static string Clave(EntityEntry e, bool original)
    {
        var clave = e.Metadata.FindPrimaryKey()!.Properties;
        var texto = clave.Count == 1
            ? Formatear(original ? e.Property(clave[0].Name).OriginalValue : e.Property(clave[0].Name).CurrentValue) ?? ""
            : string.Join(", ", clave.Select(p => $"{Columna(p)}={Formatear(original ? e.Property(p.Name).OriginalValue : e.Property(p.Name).CurrentValue)}"));
        var extra = Descriptivos
            .Select(n => e.Metadata.FindProperty(n))
            .Where(p => p is not null && !p.IsPrimaryKey())
            .Select(p => (p!, Valor: original ? e.Property(p!.Name).OriginalValue : e.Property(p!.Name).CurrentValue))
            .Where(x => x.Valor is not null)
            .Select(x => $"{Columna(x.Item1)}={Formatear(x.Valor)}")
            .ToList();
        return extra.Count == 0 ? texto : $"{texto} ({string.Join(", ", extra)})";
    }

    private static int? EntidadDe(EntityEntry e, bool original, Lote lote)
    {
        object? Valor(string nombre) => original ? e.Property(nombre).OriginalValue : e.Property(nombre).CurrentValue;
        return e.Entity switch
        {
            Entidad => (int?)Valor(nameof(Entidad.Id)),
            IdentityUserRole<int> ur => lote.EntidadDeUsuario.TryGetValue(ur.UserId, out var id) ? id : null,
            _ when e.Metadata.FindProperty("EntidadId") is not null => (int?)Valor("EntidadId"),
            _ => null,
        };
    }

    /// <summary>Role assignments carry no entity: it is their user's. Tracked users answer first; the rest are read.</summary>
    private static Dictionary<int, int> EntidadesDeUsuarios(SipoiDbContext db, List<EntityEntry> entradas, Func<IReadOnlyCollection<int>, IReadOnlyDictionary<int, int>> buscar)
    {
        var resultado = db.ChangeTracker.Entries<Usuario>().ToDictionary(u => u.Entity.Id, u => u.Entity.EntidadId);
        var faltan = entradas.Select(e => e.Entity).OfType<IdentityUserRole<int>>().Select(ur => ur.UserId).Where(id => !resultado.ContainsKey(id)).ToHashSet();
        if (faltan.Count > 0)
            foreach (var (id, entidad) in buscar(faltan)) resultado[id] = entidad;
        return resultado;
    }

    private static IReadOnlyDictionary<int, int> BuscarEntidades(SipoiDbContext db, IReadOnlyCollection<int> usuarios) =>
        db.Users.AsNoTracking().Where(u => usuarios.Contains(u.Id)).ToDictionary(u => u.Id, u => u.EntidadId);

    private static async Task<IReadOnlyDictionary<int, int>> UsuariosPorResolverAsync(SipoiDbContext db, CancellationToken ct)
    {
        if (db.AuditoriaSuspendida || db.PendienteAuditoria is not null) return new Dictionary<int, int>();
        var ids = db.ChangeTracker.Entries<IdentityUserRole<int>>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity.UserId).ToHashSet();
        if (ids.Count == 0) return new Dictionary<int, int>();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.EntidadId, ct);
    }

    internal static string? Formatear(object? valor) => EntradaAuditoria.Valor(valor);

    /// <summary>
    /// Detects the changes once, then reads the tracker's entries without detecting again until disposed: each Entries() call
    /// scanned every tracked entity (a month's save tracks about 450: five scans were a fifth of its CPU, docs/benchmarks.md).
    /// </summary>
    private readonly struct UnaDeteccion : IDisposable
    {
        private readonly ChangeTracker rastreo;
        private readonly bool automatica;

        public UnaDeteccion(DbContext db)
        {
            rastreo = db.ChangeTracker;
            automatica = rastreo.AutoDetectChangesEnabled;
            // A caller that switched automatic detection off has detected the changes itself (RegistroSeguimiento).
            if (automatica) rastreo.DetectChanges();
            rastreo.AutoDetectChangesEnabled = false;
        }

        public void Dispose() => rastreo.AutoDetectChangesEnabled = automatica;
    }

    internal sealed record Lote(DateTimeOffset Momento, string Autor, Dictionary<int, int> EntidadDeUsuario);
}
