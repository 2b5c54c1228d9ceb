using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Peis;

/// <summary>
/// An OEI of a PEI (/e/{entidad}/pei/{pei}/oei): new (no ?codigo) or changed. The priority must be unique in
/// the PEI; a duplicate is refused with a message and nothing is saved (to swap two, use the priorities page).
/// </summary>
public sealed class OeiModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Enunciado { get; set; }
    [BindProperty] public string? Prioridad { get; set; }

    public string CodigoEntidad { get; private set; } = "";
    public Pei Pei { get; private set; } = null!;
    public Oei? Oei { get; private set; }
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, string pei, [FromQuery] string? codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, codigo, ct) is { } no) return no;
        if (Oei is { } o) (Codigo, Enunciado, Prioridad) = (o.Codigo, o.Enunciado, o.Prioridad.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else Prioridad = ((Pei.Oeis.Count == 0 ? 0 : Pei.Oeis.Max(x => x.Prioridad)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, string pei, [FromQuery] string? codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, codigo, ct) is { } no) return no;
        var prioridad = EdicionPei.Entero(Prioridad, "Prioridad", Errores);
        if (string.IsNullOrWhiteSpace(Prioridad)) Errores.Add("Prioridad: es obligatoria.");
        if (Errores.Count > 0) return Page();
        try
        {
            if (Oei is { } o) Pei.ActualizarOei(o, Enunciado ?? "", prioridad!.Value);
            else Pei.AgregarOei((Codigo ?? "").Trim(), Enunciado ?? "", prioridad!.Value);
            await db.SaveChangesAsync(ct);
            TempData["Aviso"] = $"Se guardó el {(Oei?.Codigo ?? Codigo?.Trim())}.";
            return RedirectToPage("/Peis/Index", new { entidad, codigo = pei });
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
        }
        catch (DbUpdateException e) when (EdicionPei.EsDuplicado(e))
        {
            Errores.Add($"Otra persona guardó al mismo tiempo un OEI con el código {Codigo} o la prioridad {prioridad}; revise el PEI e intente de nuevo.");
        }
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, string pei, string? codigo, CancellationToken ct)
    {
        var abierto = await EdicionPei.AbrirAsync(db, User, entidad, pei, ct);
        if (abierto is not ({ } e, { } p, _)) return abierto.No;
        CodigoEntidad = e.Codigo;
        Pei = p;
        if (codigo is not null && (Oei = p.Oeis.SingleOrDefault(o => o.Codigo == codigo)) is null) return NotFound();
        return null;
    }
}
