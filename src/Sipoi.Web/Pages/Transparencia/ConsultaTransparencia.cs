using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;
using Sipoi.Web.Informes;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Pages.Transparencia;

/// <summary>
/// What the public may read, and nothing else: POI years whose version in force is an approved one, and
/// published evaluations with their frozen files. Everything the transparency pages show goes through here.
/// </summary>
public static class ConsultaTransparencia
{
    public sealed record PoiPublico(int Anio, string Version, string? Documento, DateOnly? Fecha, int VersionId)
    {
        /// <summary>The official documents of that version (in force and superseded), PDF signatures as verified at upload.</summary>
        public IReadOnlyList<DocumentosOficiales.Listado> Documentos { get; init; } = [];
    }

    public sealed record OeiPublico(string Codigo, string Enunciado, decimal? Valor, Banda? Banda);

    /// <param name="Bandas">The traffic light as published in the file; null when the evaluation has no file to read.</param>
    public sealed record EvaluacionPublica(EvaluacionPoi Evaluacion, IReadOnlyList<(string Nombre, long Tamano)> Archivos, IReadOnlyList<OeiPublico> Oeis,
        Banda? BandaIgi, EsquemaBandas? Bandas)
    {
        /// <summary>
        /// Gerencias and fichas de proceso as published in the file, when the entity evaluated by its weighted process method;
        /// null otherwise (the national method, or a file without them).
        /// </summary>
        public ProcesosSeguimiento? Procesos { get; init; }

        /// <summary>Publications a republication superseded, newest first (the one in force is <see cref="Evaluacion"/>).</summary>
        public IReadOnlyList<PublicacionAnterior> Reemplazadas { get; init; } = [];

        /// <summary>The signed official documents uploaded for it (in force and superseded); the generated files stay as the draft.</summary>
        public IReadOnlyList<DocumentosOficiales.Listado> Documentos { get; init; } = [];
    }

    /// <param name="Nota">"Reemplazada el 20/08/2024 por la publicación del 20/08/2024 (Informe N.º 020-2024-OPP)".</param>
    public sealed record PublicacionAnterior(PublicacionReemplazada Publicacion, IReadOnlyList<(string Nombre, long Tamano)> Archivos, string Nota);

    /// <summary>Codes of the entities with anything public (an approved POI or a published evaluation).</summary>
    public static Task<List<(string Codigo, string Nombre)>> EntidadesAsync(SipoiDbContext db, CancellationToken ct) =>
        db.Entidades.AsNoTracking()
            .Where(e => db.PoiVersiones.Any(v => v.EntidadId == e.Id && v.Estado == EstadoVersionPoi.Aprobada)
                        || db.Evaluaciones.Any(x => x.EntidadId == e.Id && x.Estado == EstadoEvaluacionPoi.Publicada))
            .OrderBy(e => e.Nombre).Select(e => new ValueTuple<string, string>(e.Codigo, e.Nombre)).ToListAsync(ct);

    /// <summary>Each POI year with an approved version: the version the public sees is the latest approved one (<c>Poi.VersionVigente</c>).</summary>
    public static async Task<List<PoiPublico>> PoisAsync(SipoiDbContext db, int entidadId, CancellationToken ct)
    {
        var pois = await db.Pois.AsNoTracking().Include(p => p.Versiones).Where(p => p.EntidadId == entidadId).ToListAsync(ct);
        var vigentes = pois.Where(p => p.VersionVigente is { Estado: EstadoVersionPoi.Aprobada }).Select(p => p.VersionVigente!).ToList();
        var documentos = (await DocumentosOficiales.ListarAsync(db, entidadId, [], vigentes.Select(v => v.Id).ToList(), ct)).ToLookup(d => d.PoiVersionId);
        return vigentes
            .Select(v => new PoiPublico(pois.Single(p => p.Id == v.PoiId).Anio, v.Etiqueta, v.DocumentoAprobacion, v.FechaAprobacion, v.Id)
            {
                Documentos = documentos[v.Id].ToList(),
            })
            .OrderByDescending(p => p.Anio).ToList();
    }

    public static async Task<bool> PoiAprobadoAsync(SipoiDbContext db, int entidadId, int anio, CancellationToken ct) =>
        (await PoisAsync(db, entidadId, ct)).Any(p => p.Anio == anio);

    public static async Task<List<EvaluacionPublica>> EvaluacionesAsync(SipoiDbContext db, int entidadId, CancellationToken ct)
    {
        var evaluaciones = await db.Evaluaciones.AsNoTracking()
            .Where(e => e.EntidadId == entidadId && e.Estado == EstadoEvaluacionPoi.Publicada).ToListAsync(ct);
        var ids = evaluaciones.Select(e => e.Id).ToList();
        var archivos = (await db.ArchivosPublicados.AsNoTracking().Where(a => ids.Contains(a.EvaluacionId))
            .Select(a => new { a.EvaluacionId, a.Publicacion, a.Nombre, a.Tamano }).ToListAsync(ct)).ToLookup(a => (a.EvaluacionId, a.Publicacion));
        // The summary is read from the file of the publication in force.
        var json = await db.ArchivosPublicados.AsNoTracking()
            .Where(a => ids.Contains(a.EvaluacionId) && a.Nombre == Sipoi.Web.Informes.RegistroEvaluaciones.ArchivoJson
                        && db.Evaluaciones.Any(e => e.Id == a.EvaluacionId && e.Publicacion == a.Publicacion))
            .ToDictionaryAsync(a => a.EvaluacionId, a => a.Contenido, ct);
        var reemplazadas = (await db.PublicacionesReemplazadas.AsNoTracking().Where(p => ids.Contains(p.EvaluacionId)).ToListAsync(ct))
            .ToLookup(p => p.EvaluacionId);
        var documentos = (await DocumentosOficiales.ListarAsync(db, entidadId, ids, [], ct)).ToLookup(d => d.EvaluacionId);
        var enunciados = await db.Oeis.AsNoTracking().Where(o => db.Peis.Any(p => p.Id == o.PeiId && p.EntidadId == entidadId))
            .Select(o => new { o.PeiId, o.Codigo, o.Enunciado }).ToListAsync(ct);
        var nombres = enunciados.GroupBy(o => o.Codigo).ToDictionary(g => g.Key, g => g.Last().Enunciado);
        var fichas = (await db.Fichas.AsNoTracking().Where(f => f.EntidadId == entidadId).Select(f => new { f.Codigo, f.Nombre }).ToListAsync(ct))
            .GroupBy(f => f.Codigo, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Nombre, StringComparer.Ordinal);
        return evaluaciones.OrderByDescending(e => e.Orden).Select(e =>
        {
            // The file (over 100 kB for a POI of 400 activities) is parsed once for both readings.
            using var doc = json.TryGetValue(e.Id, out var bytes) ? JsonDocument.Parse(bytes) : null;
            var (oeis, igi, bandas) = doc is not null ? LeerResumen(doc.RootElement, nombres) : ([], null, null);
            List<(string, long)> De(int publicacion) =>
                archivos[(e.Id, publicacion)].OrderBy(a => a.Nombre).Select(a => (a.Nombre, a.Tamano)).ToList();
            var anteriores = reemplazadas[e.Id].OrderByDescending(p => p.Numero).ToList();
            return new EvaluacionPublica(e, De(e.Publicacion), oeis, igi, bandas)
            {
                Documentos = documentos[e.Id].ToList(),
                Procesos = doc is not null && bandas is not null ? LeerProcesos(doc.RootElement, fichas, bandas) : null,
                Reemplazadas = anteriores.Select(p =>
                {
                    // What superseded it: the next publication, kept as superseded too or the one in force.
                    var siguiente = anteriores.SingleOrDefault(x => x.Numero == p.Numero + 1);
                    var (fecha, documento) = siguiente is null ? (e.PublicadaEn!.Value, e.Documento) : (siguiente.PublicadaEn, siguiente.Documento);
                    return new PublicacionAnterior(p, De(p.Numero),
                        $"Reemplazada el {Formato.Fecha(p.ReemplazadaEn)} por la publicación del {Formato.Fecha(fecha)}{(documento is null ? "" : $" ({documento})")}");
                }).ToList(),
            };
        }).ToList();
    }

    /// <summary>The OEI rows, the IGI band and the traffic light of a published sipoi-evaluacion/1 file (EXCHANGE.md §2), as published.</summary>
    internal static (IReadOnlyList<OeiPublico> Oeis, Banda? BandaIgi, EsquemaBandas? Bandas) LeerResumen(JsonElement raiz, IReadOnlyDictionary<string, string> enunciados)
    {
        var esquema = Esquema(raiz.GetProperty("bandas"));
        static Banda? Desempeno(JsonElement e) => e.TryGetProperty("banda", out var b) && b.ValueKind == JsonValueKind.String
            ? Enum.Parse<Banda>(b.GetString()!, ignoreCase: true)
            : null;
        static decimal? Valor(JsonElement e) => e.TryGetProperty("valor", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        var oeis = raiz.GetProperty("oei").EnumerateArray().Select(o =>
        {
            var codigo = o.GetProperty("codigo").GetString()!;
            return new OeiPublico(codigo, enunciados.GetValueOrDefault(codigo, ""), Valor(o), Desempeno(o));
        }).ToList();
        return (oeis, Desempeno(raiz), esquema);
    }

    /// <summary>
    /// The fichas and gerencias of a published sipoi-evaluacion/1 file, as published (values, bands and counts frozen in the
    /// file); only the ficha names come from the entity's current list, as the OEI statements do. Null when the file's method
    /// is not "ponderado" or it has no fichas.
    /// </summary>
    internal static ProcesosSeguimiento? LeerProcesos(JsonElement raiz, IReadOnlyDictionary<string, string> nombresFichas, EsquemaBandas bandas)
    {
        if (!raiz.TryGetProperty("metodo", out var metodo) || metodo.GetString() != MetodoEvaluacion.Ponderado.Codigo()
            || !raiz.TryGetProperty("fichas", out var fichas) || fichas.GetArrayLength() == 0) return null;
        static Banda? Desempeno(JsonElement e) => e.TryGetProperty("banda", out var b) && b.ValueKind == JsonValueKind.String
            ? Enum.Parse<Banda>(b.GetString()!, ignoreCase: true)
            : null;
        static decimal? Valor(JsonElement e) => e.TryGetProperty("valor", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        static string? Texto(JsonElement e, string nombre) => e.TryGetProperty(nombre, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        static int Entero(JsonElement e, string nombre) => e.TryGetProperty(nombre, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0;
        var gerencias = raiz.TryGetProperty("gerencias", out var g) ? g.EnumerateArray().Select(x => new FilaGerencia(
            Texto(x, "nombre")!, Entero(x, "fichas"), Entero(x, "fichasConValor"), Entero(x, "actividades"), null, null, null, Desempeno(x))
        { Valor = Valor(x) }).ToList() : [];
        var orden = gerencias.Select((x, i) => (x.Nombre, i)).ToDictionary(x => x.Nombre, x => x.i, StringComparer.Ordinal);
        var filas = fichas.EnumerateArray().Select(x =>
        {
            var codigo = Texto(x, "codigo")!;
            return new FilaFichaProceso(Texto(x, "gerencia"), codigo, nombresFichas.GetValueOrDefault(codigo, ""), Entero(x, "actividades"),
                Entero(x, "actividadesCumplidas"), null, null, null, Desempeno(x))
            { Valor = Valor(x) };
        }).Select((f, i) => (f, i))
            .OrderBy(x => x.f.Gerencia is { } n && orden.TryGetValue(n, out var k) ? k : int.MaxValue).ThenBy(x => x.i)
            .Select(x => x.f).ToList();
        return new ProcesosSeguimiento(Texto(raiz, "nombrePeriodo") ?? "", bandas) { Fichas = filas, Gerencias = gerencias };
    }

    /// <summary>The entity's traffic light as published in the file (thresholds, labels and legends), so the texts are those of that moment.</summary>
    private static EsquemaBandas Esquema(JsonElement bandas)
    {
        var etiquetas = bandas.GetProperty("etiquetas");
        var leyendas = bandas.TryGetProperty("leyendas", out var l) ? l : default;
        string? Leyenda(string banda) => leyendas.ValueKind == JsonValueKind.Object && leyendas.TryGetProperty(banda, out var x)
            && x.ValueKind == JsonValueKind.String ? x.GetString() : null;
        return new EsquemaBandas(bandas.GetProperty("medioDesde").GetDecimal(), bandas.GetProperty("altoDesde").GetDecimal())
        {
            EtiquetaBajo = etiquetas.GetProperty("bajo").GetString()!,
            EtiquetaMedio = etiquetas.GetProperty("medio").GetString()!,
            EtiquetaAlto = etiquetas.GetProperty("alto").GetString()!,
            LeyendaBajo = Leyenda("bajo"),
            LeyendaMedio = Leyenda("medio"),
            LeyendaAlto = Leyenda("alto"),
        };
    }
}
