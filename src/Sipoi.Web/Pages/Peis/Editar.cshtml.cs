using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Peis;

/// <summary>
/// A PEI's header (/e/{entidad}/pei/editar): a new PEI (no ?codigo), changes to one (?codigo=), or a new PEI
/// derived from another (?base=CÓDIGO&amp;tipo=ampliacion|actualizacion), which copies its OEI, AEI and
/// indicators and leaves the old one as it was (README.md in this folder).
/// </summary>
public sealed class EditarModel(SipoiDbContext db) : PageModel
{
    public const string Ampliacion = "ampliacion";
    public const string Actualizacion = "actualizacion";

    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Nombre { get; set; }
    [BindProperty] public string? Inicio { get; set; }
    [BindProperty] public string? Fin { get; set; }
    [BindProperty] public string? Mision { get; set; }
    [BindProperty] public string? Vision { get; set; }
    [BindProperty] public EstadoPei Estado { get; set; }

    public Entidad Entidad { get; private set; } = null!;
    /// <summary>The PEI being changed; null for a new one.</summary>
    public Pei? Pei { get; private set; }
    /// <summary>The PEI a derived one copies.</summary>
    public Pei? Base { get; private set; }
    public string? Tipo { get; private set; }
    public List<string> Errores { get; } = [];

    public string Titulo => Pei is not null ? $"Editar {Pei.Codigo}"
        : Tipo == Ampliacion ? $"Ampliar el horizonte de {Base!.Codigo}"
        : Tipo == Actualizacion ? $"PEI actualizado a partir de {Base!.Codigo}"
        : "Nuevo PEI";

    public static IReadOnlyList<(EstadoPei Valor, string Nombre)> Estados { get; } =
    [
        (EstadoPei.RegistroIniciado, "Registro iniciado"), (EstadoPei.Registrado, "Registrado"),
        (EstadoPei.EnImplementacion, "En implementación"), (EstadoPei.Finalizado, "Finalizado"),
    ];

    public async Task<IActionResult> OnGetAsync(string entidad, [FromQuery] string? codigo, [FromQuery] string? @base, [FromQuery] string? tipo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, codigo, @base, tipo, ct) is { } no) return no;
        if (Pei is { } p)
        {
            (Codigo, Nombre, Inicio, Fin, Mision, Vision, Estado) = (p.Codigo, p.Nombre, Texto(p.Inicio), Texto(p.Fin), p.Mision, p.Vision, p.Estado);
        }
        else if (Base is { } b)
        {
            var fin = Tipo == Ampliacion ? b.Fin + 1 : b.Fin;
            Codigo = Tipo == Ampliacion ? $"{b.Codigo}-Ampliado-{fin}" : $"{b.Codigo}-Actualizado";
            (Nombre, Inicio, Fin, Mision, Vision) = (b.Nombre, Texto(b.Inicio), Texto(fin), b.Mision, b.Vision);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, [FromQuery] string? codigo, [FromQuery] string? @base, [FromQuery] string? tipo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, codigo, @base, tipo, ct) is { } no) return no;
        var inicio = EdicionPei.Entero(Inicio, "Año de inicio", Errores);
        var fin = EdicionPei.Entero(Fin, "Año de fin", Errores);
        if (string.IsNullOrWhiteSpace(Inicio)) Errores.Add("Año de inicio: es obligatorio.");
        if (string.IsNullOrWhiteSpace(Fin)) Errores.Add("Año de fin: es obligatorio.");
        // The domain's text limits, checked before the code reaches a query.
        foreach (var (etiqueta, valor, clase) in new[] { ("Código", Codigo, ClaseTexto.Codigo), ("Nombre", Nombre, ClaseTexto.Nombre),
                     ("Misión", Mision, ClaseTexto.TextoLargo), ("Visión", Vision, ClaseTexto.TextoLargo) })
            if (LimitesTexto.Problema(valor, clase) is { } problema) Errores.Add($"{etiqueta}: {problema}.");
        if (Errores.Count > 0) return Page();
        var nombre = Vacio(Nombre);
        try
        {
            Pei destino;
            if (Pei is { } p)
            {
                var aniosDePois = await db.Pois.Where(x => x.PeiId == p.Id).Select(x => x.Anio).ToListAsync(ct);
                p.Actualizar(nombre, inicio!.Value, fin!.Value, Vacio(Mision), Vacio(Vision), Estado, aniosDePois);
                destino = p;
            }
            else
            {
                var nuevoCodigo = Vacio(Codigo) ?? throw new ReglaDominioException("Código: es obligatorio.");
                if (await db.Peis.AnyAsync(x => x.EntidadId == Entidad.Id && x.Codigo == nuevoCodigo, ct))
                    throw new ReglaDominioException($"Código: ya existe el PEI {nuevoCodigo} en la entidad.");
                destino = Base switch
                {
                    { } b when Tipo == Ampliacion => b.Ampliar(nuevoCodigo, inicio!.Value, fin!.Value, nombre, Estado),
                    { } b => b.Derivar(nuevoCodigo, inicio!.Value, fin!.Value, nombre, Estado),
                    _ => new Pei(Entidad.Id, nuevoCodigo, inicio!.Value, fin!.Value, nombre, null, null, Estado),
                };
                destino.Actualizar(nombre, inicio!.Value, fin!.Value, Vacio(Mision), Vacio(Vision), Estado);
                db.Peis.Add(destino);
            }
            await db.SaveChangesAsync(ct);
            TempData["Aviso"] = Pei is not null ? $"Se guardó el PEI {destino.Codigo}."
                : Base is not null ? $"Se creó el PEI {destino.Codigo} con la estructura de {Base.Codigo}; {Base.Codigo} se conserva sin cambios."
                : $"Se creó el PEI {destino.Codigo}.";
            return RedirectToPage("/Peis/Index", new { entidad, codigo = destino.Codigo });
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
        }
        catch (DbUpdateException e) when (EdicionPei.EsDuplicado(e))
        {
            Errores.Add($"Código: ya existe el PEI {Codigo} en la entidad.");
        }
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, string? codigo, string? codigoBase, string? tipo, CancellationToken ct)
    {
        if (!EdicionPei.PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        if (codigo is not null)
        {
            Pei = await db.Peis.SingleOrDefaultAsync(p => p.EntidadId == e.Id && p.Codigo == codigo, ct);
            if (Pei is null) return NotFound();
        }
        else if (codigoBase is not null)
        {
            if (tipo is not (Ampliacion or Actualizacion)) return BadRequest();
            Tipo = tipo;
            Base = await EdicionPei.CargarAsync(db, e.Id, codigoBase, ct);
            if (Base is null) return NotFound();
        }
        return null;
    }

    /// <summary>A POI year that would fall outside the new horizon (so its evaluation would lose its PEI years).</summary>
    private static string? Vacio(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Texto(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
