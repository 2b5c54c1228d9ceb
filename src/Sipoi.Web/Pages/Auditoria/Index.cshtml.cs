using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Auditoria;

/// <summary>The entity's audit log, filtered and paged, and the same rows as CSV (?handler=csv).</summary>
[Authorize(Policy = Politicas.Auditoria)]
public sealed class IndexModel(SipoiDbContext db, TimeProvider reloj) : PageModel
{
    public const int FilasPorPagina = 50;

    public sealed record Fila(long Id, DateTimeOffset Momento, string Usuario, AccionAuditada Accion, string Tabla, string Clave, string? Campo,
        string? ValorAnterior, string? ValorNuevo);

    // A wrong date is reported next to its box (Presentacion/Fechas.cs) and the filter is left out.
    [BindProperty(SupportsGet = true, Name = "desde"), Display(Name = "Desde")] public DateOnly? Desde { get; set; }
    [BindProperty(SupportsGet = true, Name = "hasta"), Display(Name = "Hasta")] public DateOnly? Hasta { get; set; }
    [BindProperty(SupportsGet = true, Name = "usuario")] public string? Usuario { get; set; }
    [BindProperty(SupportsGet = true, Name = "tabla")] public string? Tabla { get; set; }
    [BindProperty(SupportsGet = true, Name = "texto")] public string? Texto { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;

    public Entidad Entidad { get; private set; } = null!;
    public List<Fila> Filas { get; private set; } = [];
    /// <summary>Each shown row's change as a person reads it (Spanish field names, formatted values), by row id.</summary>
    public Dictionary<long, IReadOnlyList<CampoCambiado>> Cambios { get; private set; } = [];
    public List<string> Tablas { get; private set; } = [];
    public int Total { get; private set; }
    public int Paginas => Math.Max(1, (Total + FilasPorPagina - 1) / FilasPorPagina);

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var consulta = Filtrar(e.Id);
        Total = await consulta.CountAsync(ct);
        Pagina = Math.Clamp(Pagina, 1, Paginas);
        Filas = await consulta.OrderByDescending(r => r.Momento).ThenByDescending(r => r.Id)
            .Skip((Pagina - 1) * FilasPorPagina).Take(FilasPorPagina)
            .Select(r => new Fila(r.Id, r.Momento, r.Usuario, r.Accion, r.Tabla, r.Clave, r.Campo, r.ValorAnterior, r.ValorNuevo))
            .ToListAsync(ct);
        var roles = await db.Roles.AsNoTracking().Where(r => r.Name != null)
            .ToDictionaryAsync(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Name!, ct);
        var legibles = new CambiosLegibles(db.Model, roles);
        Cambios = Filas.ToDictionary(f => f.Id, f => legibles.Leer(f.Accion, f.Tabla, f.Clave, f.Campo, f.ValorAnterior, f.ValorNuevo));
        Tablas = await db.Auditoria.AsNoTracking().Where(r => r.EntidadId == e.Id).Select(r => r.Tabla).Distinct().OrderBy(t => t).ToListAsync(ct);
        return Page();
    }

    /// <summary>Every filtered row, oldest first, as a spreadsheet opens it.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        var filas = Filtrar(e.Id).OrderBy(r => r.Momento).ThenBy(r => r.Id)
            .Select(r => new Fila(r.Id, r.Momento, r.Usuario, r.Accion, r.Tabla, r.Clave, r.Campo, r.ValorAnterior, r.ValorNuevo))
            .AsAsyncEnumerable()
            .Select(r => new[]
            {
                r.Id.ToString(Formato.Cultura), Formato.HoraLocal(r.Momento).ToString("yyyy-MM-dd HH:mm:ss", Formato.Cultura),
                r.Usuario, r.Accion.Codigo(), r.Tabla, r.Clave, r.Campo, r.ValorAnterior, r.ValorNuevo,
            });
        return new ResultadoCsv($"auditoria-{e.Codigo}-{Formato.HoraLocal(reloj.GetUtcNow()):yyyyMMdd-HHmm}.csv",
            ["id", "momento", "usuario", "accion", "tabla", "clave", "campo", "valor_anterior", "valor_nuevo"], filas);
    }

    private IQueryable<EntradaAuditoria> Filtrar(int entidadId)
    {
        var q = db.Auditoria.AsNoTracking().Where(r => r.EntidadId == entidadId);
        if (Desde is { } desde)
        {
            var inicio = Formato.InicioDelDia(desde);
            q = q.Where(r => r.Momento >= inicio);
        }
        if (Hasta is { } hasta)
        {
            var fin = Formato.InicioDelDia(hasta.AddDays(1));
            q = q.Where(r => r.Momento < fin);
        }
        if (!string.IsNullOrWhiteSpace(Usuario))
        {
            var patron = Patron(Usuario);
            q = q.Where(r => EF.Functions.ILike(r.Usuario, patron));
        }
        if (!string.IsNullOrWhiteSpace(Tabla)) q = q.Where(r => r.Tabla == Tabla);
        if (!string.IsNullOrWhiteSpace(Texto))
        {
            var patron = Patron(Texto);
            q = q.Where(r => EF.Functions.ILike(r.Clave, patron) || EF.Functions.ILike(r.Campo!, patron)
                || EF.Functions.ILike(r.ValorAnterior!, patron) || EF.Functions.ILike(r.ValorNuevo!, patron));
        }
        return q;
    }

    /// <summary>"contains", with the user's % and _ taken literally (PostgreSQL's LIKE escape is the backslash).</summary>
    private static string Patron(string texto) =>
        "%" + texto.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    /// <summary>The query string of the current filters, with another page or handler.</summary>
    public string Enlace(int? pagina = null, bool csv = false)
    {
        var partes = new List<string>();
        void Agregar(string nombre, string? valor)
        {
            if (!string.IsNullOrWhiteSpace(valor)) partes.Add($"{nombre}={Uri.EscapeDataString(valor)}");
        }
        if (csv) partes.Add("handler=csv");
        Agregar("desde", Fechas.Texto(Desde));
        Agregar("hasta", Fechas.Texto(Hasta));
        Agregar("usuario", Usuario);
        Agregar("tabla", Tabla);
        Agregar("texto", Texto);
        if (pagina is { } p && p > 1) partes.Add($"pagina={p}");
        return partes.Count == 0 ? "?" : "?" + string.Join("&", partes);
    }

    public static string NombreAccion(AccionAuditada accion) => ValoresEnumerados.Accion(accion);
}
