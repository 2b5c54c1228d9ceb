using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Peis;

/// <summary>
/// An AEI of an OEI (/e/{entidad}/pei/{pei}/aei?oei=OEI.01[&amp;codigo=AEI.01.01]): new or changed. The priority
/// must be unique within its OEI; a duplicate is refused with a message and nothing is saved.
/// </summary>
public sealed class AeiModel(SipoiDbContext db) : PageModel
{
    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Enunciado { get; set; }
    [BindProperty] public string? Prioridad { get; set; }
    [BindProperty] public string? Responsable { get; set; }

    public string CodigoEntidad { get; private set; } = "";
    public Pei Pei { get; private set; } = null!;
    public Oei Oei { get; private set; } = null!;
    public Aei? Aei { get; private set; }
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, string pei, [FromQuery] string oei, [FromQuery] string? codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, oei, codigo, ct) is { } no) return no;
        if (Aei is { } a)
            (Codigo, Enunciado, Prioridad, Responsable) = (a.Codigo, a.Enunciado, a.Prioridad.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Responsable);
        else
            Prioridad = ((Oei.Aeis.Count == 0 ? 0 : Oei.Aeis.Max(x => x.Prioridad)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, string pei, [FromQuery] string oei, [FromQuery] string? codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, oei, codigo, ct) is { } no) return no;
        var prioridad = EdicionPei.Entero(Prioridad, "Prioridad", Errores);
        if (string.IsNullOrWhiteSpace(Prioridad)) Errores.Add("Prioridad: es obligatoria.");
        if (Errores.Count > 0) return Page();
        var responsable = string.IsNullOrWhiteSpace(Responsable) ? null : Responsable.Trim();
        try
        {
            if (Aei is { } a) Oei.ActualizarAei(a, Enunciado ?? "", prioridad!.Value, responsable);
            else
            {
                Pei.AgregarAei(Oei, Codigo ?? "", Enunciado ?? "", prioridad!.Value, responsable);
            }
            await db.SaveChangesAsync(ct);
            TempData["Aviso"] = $"Se guardó la {(Aei?.Codigo ?? Codigo?.Trim())}.";
            return RedirectToPage("/Peis/Index", new { entidad, codigo = pei });
        }
        catch (ReglaDominioException e)
        {
            Errores.Add(e.Message);
        }
        catch (DbUpdateException e) when (EdicionPei.EsDuplicado(e))
        {
            Errores.Add($"Otra persona guardó al mismo tiempo una AEI con el código {Codigo} o la prioridad {prioridad}; revise el PEI e intente de nuevo.");
        }
        return Page();
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, string pei, string oei, string? codigo, CancellationToken ct)
    {
        var abierto = await EdicionPei.AbrirAsync(db, User, entidad, pei, ct);
        if (abierto is not ({ } e, { } p, _)) return abierto.No;
        CodigoEntidad = e.Codigo;
        Pei = p;
        if (p.Oeis.SingleOrDefault(o => o.Codigo == oei) is not { } o) return NotFound();
        Oei = o;
        if (codigo is not null && (Aei = o.Aeis.SingleOrDefault(a => a.Codigo == codigo)) is null) return NotFound();
        return null;
    }
}
