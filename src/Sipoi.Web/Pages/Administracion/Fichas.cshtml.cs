using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>The entity's fichas de proceso (weighted process method): list with gerencia, owner, weight and use, and a form to add one.</summary>
[Authorize(Policy = Politicas.Administracion)]
public sealed class FichasModel(SipoiDbContext db) : PageModel
{
    public sealed record Fila(FichaProceso Ficha, string? Centro, int Actividades);

    [BindProperty] public DatosFicha Datos { get; set; } = new();
    [TempData] public string? Aviso { get; set; }
    public Entidad Entidad { get; private set; } = null!;
    public OpcionesFicha Opciones { get; private set; } = null!;
    public List<Fila> Fichas { get; private set; } = [];
    public List<string> Errores { get; } = [];

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct) => await PrepararAsync(entidad, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string entidad, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, ct) is { } no) return no;
        var codigo = Datos.Codigo?.Trim();
        if (!string.IsNullOrEmpty(codigo) && Fichas.Any(f => f.Ficha.Codigo == codigo)) Errores.Add($"Código: ya existe la ficha de proceso {codigo}.");
        var rechazo = await Concurrencia.RechazoAlGuardarAsync(async () =>
        {
            var ficha = new FichaProceso(Entidad.Id, codigo ?? "", Datos.Nombre ?? "", null, null, null, null);
            Opciones.Aplicar(ficha, Datos, Errores);
            if (Errores.Count > 0) return;
            db.Fichas.Add(ficha);
            await db.SaveChangesAsync(ct);
        }, $"la ficha de proceso {codigo}", $"Código: ya existe la ficha de proceso {codigo}.");
        if (rechazo is not null) Errores.Add(rechazo);
        if (Errores.Count > 0) return Page();
        Aviso = $"Se creó la ficha de proceso {codigo}.";
        return RedirectToPage("/Administracion/Fichas", new { entidad = Entidad.Codigo });
    }

    private async Task<IActionResult?> PrepararAsync(string entidad, CancellationToken ct)
    {
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        Opciones = await OpcionesFicha.CargarAsync(db, e.Id, ct);
        var codigos = Opciones.Centros.ToDictionary(c => c.Id, c => c.Codigo);
        var fichas = await db.Fichas.AsNoTracking().Where(f => f.EntidadId == e.Id).OrderBy(f => f.Codigo)
            .Select(f => new { Ficha = f, Actividades = db.Actividades.Count(a => a.FichaId == f.Id) }).ToListAsync(ct);
        Fichas = fichas.Select(f => new Fila(f.Ficha, f.Ficha.CentroCostoId is { } c ? codigos.GetValueOrDefault(c) : null, f.Actividades)).ToList();
        return null;
    }
}
