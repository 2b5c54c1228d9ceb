using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Pages.Administracion;

/// <summary>
/// The entity's texts its documents print (<see cref="ContenidoTextos"/>) in one form, saved whole or not at all by
/// <see cref="TextosInstitucionales.Guardar"/>; Administrador and Planificador (the planning office writes them).
/// </summary>
public sealed class TextosModel(SipoiDbContext db) : PageModel
{
    /// <summary>Each text by its key (<see cref="CampoTexto.Clave"/>), as the form's textareas name them.</summary>
    [BindProperty] public Dictionary<string, string?> Textos { get; set; } = [];
    /// <summary>The evaluation report's cover data by key (<see cref="CampoPortada.Clave"/>), saved with the texts.</summary>
    [BindProperty] public Dictionary<string, string?> Portada { get; set; } = [];
    [TempData] public string? Aviso { get; set; }
    public Entidad Entidad { get; private set; } = null!;
    public List<string> Errores { get; private set; } = [];

    public static bool PuedeEditar(System.Security.Claims.ClaimsPrincipal u) => u.IsInRole(Roles.Administrador) || u.IsInRole(Roles.Planificador);

    public async Task<IActionResult> OnGetAsync(string entidad, CancellationToken ct)
    {
        if (!PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var actual = await ConsultaTextos.TextosAsync(db, e.Id, ct);
        Textos = ContenidoTextos.Campos.ToDictionary(c => c.Clave, c => c.Leer(actual));
        var portada = await ConsultaTextos.PortadaAsync(db, e.Id, ct);
        Portada = PortadaInforme.Campos.ToDictionary(c => c.Clave, c => c.Leer(portada));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, CancellationToken ct)
    {
        if (!PuedeEditar(User)) return Forbid();
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return NotFound();
        Entidad = e;
        var nuevo = ContenidoTextos.Campos.Aggregate(ContenidoTextos.Vacio, (c, campo) => campo.Con(c, Textos.GetValueOrDefault(campo.Clave)));
        var portada = PortadaInforme.Campos.Aggregate(PortadaInforme.Vacia, (p, campo) => campo.Con(p, Portada.GetValueOrDefault(campo.Clave)));
        var fila = await db.TextosInstitucionales.SingleOrDefaultAsync(t => t.EntidadId == e.Id, ct);
        if (fila is null)
        {
            fila = new TextosInstitucionales(e.Id);
            db.TextosInstitucionales.Add(fila);
        }
        try
        {
            var problemas = nuevo.Validar().Concat(portada.Validar()).ToList();
            if (problemas.Count > 0)
            {
                // Each problem names its field as this form labels it; nothing was saved.
                Errores.AddRange(problemas.Select(p => p.Mensaje));
                return Page();
            }
            fila.Guardar(nuevo);
            fila.GuardarPortada(portada);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            Errores.Add("Otra persona guardó los textos de la entidad mientras usted editaba; recargue la página y vuelva a intentarlo.");
            return Page();
        }
        Aviso = "Se guardaron los textos de la entidad. Los documentos que se generen desde ahora los usan.";
        return RedirectToPage("/Administracion/Textos", new { entidad = e.Codigo });
    }
}
