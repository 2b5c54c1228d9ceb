using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Reportes;

/// <summary>Where a background PDF conversion is (<see cref="TrabajoPdf"/>), in the order it goes through.</summary>
public enum EtapaPdf { EnCola, GenerandoWord, ConvirtiendoPdf, Listo, Fallido }

/// <summary>
/// One evaluation report to convert to PDF: identified by what it depends on (<see cref="Clave"/>: entity, year,
/// options, data version, day), so a second request for the same report reuses it — running or done.
/// </summary>
public sealed class TrabajoPdf
{
    private int _etapa;

    internal TrabajoPdf(string clave, string entidad, int anio, SolicitudReporte solicitud, DateTimeOffset creado)
    {
        Clave = clave;
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clave)))[..20];
        Entidad = entidad;
        Anio = anio;
        Solicitud = solicitud;
        Creado = creado;
    }

    public string Id { get; }
    public string Clave { get; }
    public string Entidad { get; }
    public int Anio { get; }
    public SolicitudReporte Solicitud { get; }
    public DateTimeOffset Creado { get; }
    public DateTimeOffset? Terminado { get; private set; }
    public ArchivoReporte? Resultado { get; private set; }
    /// <summary>Why it failed, in Spanish (the page shows it with the Word download as the way out).</summary>
    public string? Error { get; private set; }

    public EtapaPdf Etapa => (EtapaPdf)Volatile.Read(ref _etapa);

    public bool Concluido => Etapa is EtapaPdf.Listo or EtapaPdf.Fallido;

    internal void Pasar(EtapaPdf etapa) => Volatile.Write(ref _etapa, (int)etapa);

    internal void Terminar(ArchivoReporte? resultado, string? error, DateTimeOffset cuando)
    {
        Resultado = resultado;
        Error = error;
        Terminado = cuando;
        Pasar(resultado is null ? EtapaPdf.Fallido : EtapaPdf.Listo);
    }
}

/// <summary>
/// The background PDF conversions of the evaluation report (issue 14, item 4: "never an 8-second blank wait"). A request
/// asks for a conversion (<see cref="Pedir"/>) and gets a job at once — a new one queued in a bounded channel, or the
/// one already running or done for the same report, entity, options and data version; <see cref="TrabajadorPdf"/>
/// runs them, at most two at a time (LibreOffice's own limit in <see cref="ConversorPdf"/>). Finished jobs stay in
/// memory as the cache (the newest <see cref="MaximoGuardados"/>); state lives in this process only — see
/// Reportes/README.md, "PDF in the background", for why not in the database.
/// </summary>
public sealed class ColaPdf
{
    /// <summary>Jobs waiting at most; one more request is told to try again in a minute.</summary>
    public const int Capacidad = 20;
    /// <summary>Finished jobs kept (the cache); a PDF of the report is ~0.5 MB.</summary>
    public const int MaximoGuardados = 40;
    /// <summary>A failed job is retried by a new request after this long (not at once: a broken LibreOffice would spin).</summary>
    public static readonly TimeSpan EsperaTrasFallo = TimeSpan.FromSeconds(30);

    private readonly Channel<TrabajoPdf> _canal = Channel.CreateBounded<TrabajoPdf>(
        new BoundedChannelOptions(Capacidad) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false });
    private readonly ConcurrentDictionary<string, TrabajoPdf> _porClave = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TrabajoPdf> _porId = new(StringComparer.Ordinal);
    private readonly Lock _cerrojo = new();

    internal ChannelReader<TrabajoPdf> Lector => _canal.Reader;

    /// <summary>
    /// The "data version" of an entity: the newest entry of its audit log. Every change to its data writes one
    /// (the interceptor, append-only), so a new entry means the report may differ; no change, same PDF.
    /// </summary>
    public static async Task<long> VersionDatosAsync(SipoiDbContext db, int entidadId, CancellationToken ct) =>
        await db.Auditoria.Where(a => a.EntidadId == entidadId).MaxAsync(a => (long?)a.Id, ct) ?? 0;

    /// <summary>
    /// The job for this report: the existing one (queued, running, done, or failed less than
    /// <see cref="EsperaTrasFallo"/> ago) or a new one queued now. Null when the queue is full.
    /// </summary>
    public TrabajoPdf? Pedir(string entidad, int anio, SolicitudReporte s, long versionDatos, DateOnly hoy, DateTimeOffset ahora)
    {
        var clave = string.Join('|', entidad.ToUpperInvariant(), anio, s.Tipo, s.Periodo.Codigo, s.HastaMes, s.Numero ?? "", versionDatos, hoy.DayNumber);
        lock (_cerrojo)
        {
            if (_porClave.TryGetValue(clave, out var existente)
                && !(existente.Etapa == EtapaPdf.Fallido && ahora - existente.Terminado >= EsperaTrasFallo))
                return existente;
            var t = new TrabajoPdf(clave, entidad, anio, s, ahora);
            if (!_canal.Writer.TryWrite(t)) return null;
            _porClave[clave] = t;
            _porId[t.Id] = t;
            Podar();
            return t;
        }
    }

    public TrabajoPdf? Buscar(string id) => _porId.GetValueOrDefault(id);

    /// <summary>How many queued jobs are ahead of <paramref name="t"/> (0: it is next or running).</summary>
    public int Delante(TrabajoPdf t) => _porId.Values.Count(x => x.Etapa == EtapaPdf.EnCola && x.Creado < t.Creado);

    /// <summary>Keeps the newest finished jobs only; queued and running ones always stay.</summary>
    private void Podar()
    {
        foreach (var viejo in _porId.Values.Where(t => t.Concluido).OrderByDescending(t => t.Terminado).Skip(MaximoGuardados).ToList())
        {
            _porId.TryRemove(viejo.Id, out _);
            _porClave.TryRemove(new KeyValuePair<string, TrabajoPdf>(viejo.Clave, viejo));
        }
    }
}

/// <summary>Runs the queued PDF conversions, two consumers (LibreOffice's limit), each job in its own DI scope.</summary>
public sealed class TrabajadorPdf(ColaPdf cola, IServiceScopeFactory alcances, TimeProvider reloj, ILogger<TrabajadorPdf> log) : BackgroundService
{
    public const int Simultaneos = 2;

    protected override Task ExecuteAsync(CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, Simultaneos).Select(_ => ConsumirAsync(ct)));

    private async Task ConsumirAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var t in cola.Lector.ReadAllAsync(ct)) await ProcesarAsync(t, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ProcesarAsync(TrabajoPdf t, CancellationToken ct)
    {
        try
        {
            t.Pasar(EtapaPdf.GenerandoWord);
            await using var alcance = alcances.CreateAsyncScope();
            var db = alcance.ServiceProvider.GetRequiredService<SipoiDbContext>();
            var d = await DatosReporte.CargarAsync(db, t.Entidad, t.Anio, ct)
                    ?? throw new InvalidOperationException($"No hay POI {t.Anio}.");
            var docx = await GeneradorReportes.GenerarAsync(db, d, t.Solicitud, null, ct);
            t.Pasar(EtapaPdf.ConvirtiendoPdf);
            var pdf = await ConversorPdf.ConvertirAsync(docx.Contenido, "docx", ct);
            t.Terminar(new ArchivoReporte(pdf, t.Solicitud.NombreArchivo(d.Entidad.Codigo, d.Anio, "pdf"), SolicitudReporte.MimePdf), null, reloj.GetUtcNow());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            t.Terminar(null, "El servidor se detuvo durante la conversión; vuelva a pedir el PDF.", reloj.GetUtcNow());
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException or ReglaDominioException or DbUpdateException)
        {
            log.LogError(e, "Conversión a PDF fallida para {Entidad} {Anio}", t.Entidad, t.Anio);
            t.Terminar(null, "No se pudo convertir el documento a PDF en este momento. Descárguelo en Word (.docx) o inténtelo de nuevo en un minuto.",
                reloj.GetUtcNow());
        }
    }
}

public static class ServiciosPdf
{
    /// <summary>The background PDF queue and its worker (Reportes/README.md, "PDF in the background").</summary>
    public static IServiceCollection AddSipoiPdf(this IServiceCollection services)
    {
        services.AddSingleton<ColaPdf>();
        services.AddHostedService<TrabajadorPdf>();
        return services;
    }
}
