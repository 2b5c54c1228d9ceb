using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Peis;

/// <summary>
/// Every OEI and AEI priority of a PEI in one form (/e/{entidad}/pei/{pei}/prioridades), so two can be swapped.
/// All rows are saved or none: a repeated priority (among the OEIs, or among the AEIs of one OEI) names
/// the row and nothing changes.
/// </summary>
public sealed class PrioridadesModel(SipoiDbContext db) : PageModel
{
    public sealed class Fila
    {
        public string Codigo { get; set; } = "";
        public string? Prioridad { get; set; }
    }

    [BindProperty] public List<Fila> Oeis { get; set; } = [];
    [BindProperty] public List<Fila> Aeis { get; set; } = [];

    public string CodigoEntidad { get; private set; } = "";
    public Pei Pei { get; private set; } = null!;
    public List<string> Errores { get; } = [];

    public string? Tecleado(string codigo, bool esOei) => (esOei ? Oeis : Aeis).FirstOrDefault(f => f.Codigo == codigo)?.Prioridad;

    public async Task<IActionResult> OnGetAsync(string entidad, string pei, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, ct) is { } no) return no;
        Oeis = Pei.Oeis.Select(o => new Fila { Codigo = o.Codigo, Prioridad = o.Prioridad.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        Aeis = Pei.Aeis.Select(a => new Fila { Codigo = a.Codigo, Prioridad = a.Prioridad.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, string pei, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, ct) is { } no) return no;
        var oeis = Leer(Oeis, Pei.Oeis.Select(o => (o.Codigo, o.Prioridad)), "OEI");
        var aeis = Leer(Aeis, Pei.Aeis.Select(a => (a.Codigo, a.Prioridad)), "AEI");
        if (Errores.Count > 0) return Page();
        if (Pei.VerificarPrioridades(Pei.Oeis.OrderBy(o => o.Codigo, StringComparer.Ordinal).Select(o => (o.Codigo, oeis[o.Codigo])).ToList(),
                $"entre los OEI del {Pei.Codigo}") is { } errorOei)
            Errores.Add(errorOei);
        foreach (var o in Pei.Oeis.OrderBy(o => o.Codigo, StringComparer.Ordinal))
            if (Pei.VerificarPrioridades(o.Aeis.OrderBy(a => a.Codigo, StringComparer.Ordinal).Select(a => (a.Codigo, aeis[a.Codigo])).ToList(),
                    $"entre las AEI del {o.Codigo}") is { } errorAei)
                Errores.Add(errorAei);
        if (Errores.Count > 0) return Page();

        var oeisCambiados = Pei.Oeis.Where(o => o.Prioridad != oeis[o.Codigo]).ToList();
        var aeisCambiados = Pei.Aeis.Where(a => a.Prioridad != aeis[a.Codigo]).ToList();
        var intento = 0;
        await db.UnidadAsync(async () =>
        {
            if (intento++ > 0)
            {
                // A retry (Data/Reintento): the rows come again from the database, as the rollback left them.
                var idsO = oeisCambiados.Select(o => o.Id).ToList();
                var idsA = aeisCambiados.Select(a => a.Id).ToList();
                oeisCambiados = await db.Oeis.Where(o => idsO.Contains(o.Id)).ToListAsync(ct);
                aeisCambiados = await db.Aeis.Where(a => idsA.Contains(a.Id)).ToListAsync(ct);
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The unique indexes are checked row by row, so a swap (1 ↔ 2) first parks the changing rows on
            // negative priorities — outside the tracker, so the audit log records old → new, nothing in between.
            var idsOei = oeisCambiados.Select(o => o.Id).ToArray();
            var idsAei = aeisCambiados.Select(a => a.Id).ToArray();
            await db.Database.ExecuteSqlAsync($"UPDATE oei SET prioridad = -prioridad WHERE id = ANY({idsOei})", ct);
            await db.Database.ExecuteSqlAsync($"UPDATE aei SET prioridad = -prioridad WHERE id = ANY({idsAei})", ct);
            // One row per save: EF refuses to order a swap of unique values within one batch.
            foreach (var o in oeisCambiados)
            {
                o.Actualizar(o.Enunciado, oeis[o.Codigo]);
                await db.SaveChangesAsync(ct);
            }
            foreach (var a in aeisCambiados)
            {
                a.Actualizar(a.Enunciado, aeis[a.Codigo], a.Responsable);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        });
        TempData["Aviso"] = oeisCambiados.Count + aeisCambiados.Count == 0
            ? "No había cambios de prioridad."
            : $"Se guardaron las prioridades ({oeisCambiados.Count} OEI y {aeisCambiados.Count} AEI cambiados).";
        return RedirectToPage("/Peis/Index", new { entidad, codigo = pei });
    }

    /// <summary>The typed priority of every row of the PEI; a row missing from the form keeps its priority.</summary>
    private Dictionary<string, int> Leer(List<Fila> filas, IEnumerable<(string Codigo, int Prioridad)> actuales, string tipo)
    {
        var r = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (codigo, prioridad) in actuales)
        {
            var f = filas.FirstOrDefault(x => x.Codigo == codigo);
            if (f is null) { r[codigo] = prioridad; continue; }
            if (string.IsNullOrWhiteSpace(f.Prioridad)) { Errores.Add($"{tipo} {codigo}: la prioridad es obligatoria."); continue; }
            if (EdicionPei.Entero(f.Prioridad, $"{tipo} {codigo}, prioridad", Errores) is { } p) r[codigo] = p;
        }
        return r;
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, string pei, CancellationToken ct)
    {
        var abierto = await EdicionPei.AbrirAsync(db, User, entidad, pei, ct);
        if (abierto is not ({ } e, { } p, _)) return abierto.No;
        CodigoEntidad = e.Codigo;
        Pei = p;
        return null;
    }
}
