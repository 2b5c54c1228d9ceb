using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Peis;

namespace Sipoi.Web.Pages.Peis;

/// <summary>
/// An indicator of an OEI or an AEI (/e/{entidad}/pei/{pei}/indicador?oei=OEI.01[&amp;aei=AEI.01.01][&amp;codigo=…]):
/// definition (unit, sentido with its permissible limits, baseline, method, responsible cost centre) and, per year
/// of the PEI's horizon, the expected value and the obtained values (year, and semesters when measured).
/// Every field is checked before anything is saved; the rules are the domain's (Indicador.Actualizar).
/// </summary>
public sealed class IndicadorModel(SipoiDbContext db) : PageModel
{
    public sealed class FilaAnio
    {
        public int Anio { get; set; }
        public string? LogroEsperado { get; set; }
        public string? ValorObtenido { get; set; }
        public string? ValorSemestre1 { get; set; }
        public string? ValorSemestre2 { get; set; }
    }

    [BindProperty] public string? Codigo { get; set; }
    [BindProperty] public string? Nombre { get; set; }
    [BindProperty] public string? Unidad { get; set; }
    [BindProperty] public string? Sentido { get; set; }
    [BindProperty] public string? MaximoPermisible { get; set; }
    [BindProperty] public string? MinimoPermisible { get; set; }
    [BindProperty] public string? LineaBaseAnio { get; set; }
    [BindProperty] public string? LineaBaseValor { get; set; }
    [BindProperty] public string? Fuente { get; set; }
    [BindProperty] public string? MetodoCalculo { get; set; }
    [BindProperty] public string? CentroResponsable { get; set; }
    [BindProperty] public List<FilaAnio> Anios { get; set; } = [];

    public string CodigoEntidad { get; private set; } = "";
    public Pei Pei { get; private set; } = null!;
    public Oei Oei { get; private set; } = null!;
    public Aei? Aei { get; private set; }
    public Indicador? Indicador { get; private set; }
    public List<(int Id, string Codigo, string Nombre)> Centros { get; private set; } = [];
    public List<string> Errores { get; } = [];

    /// <summary>The units the offices use (DOMAIN.md §2); any other may be typed.</summary>
    public static IReadOnlyList<string> Unidades { get; } = ["Número", "Porcentaje", "Ratio", "Tasa", "Índice", "Soles"];

    public string Dueno => Aei?.Codigo ?? Oei.Codigo;

    public async Task<IActionResult> OnGetAsync(string entidad, string pei, [FromQuery] string oei, [FromQuery] string? aei, [FromQuery] string? codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, oei, aei, codigo, ct) is { } no) return no;
        var i = Indicador;
        Codigo = i?.Codigo;
        Nombre = i?.Nombre;
        Unidad = i?.Unidad;
        Sentido = (i?.Sentido ?? Sipoi.Domain.Estrategia.Sentido.Ascendente).Codigo();
        MaximoPermisible = EdicionPei.Texto(i?.MaximoPermisible);
        MinimoPermisible = EdicionPei.Texto(i?.MinimoPermisible);
        LineaBaseAnio = i?.LineaBaseAnio?.ToString(CultureInfo.InvariantCulture);
        LineaBaseValor = EdicionPei.Texto(i?.LineaBaseValor);
        Fuente = i?.Fuente;
        MetodoCalculo = i?.MetodoCalculo;
        CentroResponsable = Centros.FirstOrDefault(c => c.Id == i?.CentroCostoResponsableId).Codigo;
        Anios = AniosDelPei().Select(a => new FilaAnio
        {
            Anio = a,
            LogroEsperado = EdicionPei.Texto(i?.LogroEsperado(a)),
            ValorObtenido = EdicionPei.Texto(i?.ValorObtenido(a)),
            ValorSemestre1 = EdicionPei.Texto(i?.ValorObtenido(a, PeriodoIndicador.Semestre1)),
            ValorSemestre2 = EdicionPei.Texto(i?.ValorObtenido(a, PeriodoIndicador.Semestre2)),
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string entidad, string pei, [FromQuery] string oei, [FromQuery] string? aei, [FromQuery] string? codigo, CancellationToken ct)
    {
        if (await PrepararAsync(entidad, pei, oei, aei, codigo, ct) is { } no) return no;
        var e = Errores;
        if (!SentidoTexto.TryParse(Sentido, out var sentido)) e.Add($"Sentido: «{Sentido}» no es válido; elija ascendente, descendente o no definido.");
        var maximo = EdicionPei.Decimal(MaximoPermisible, "Máximo permisible", e);
        var minimo = EdicionPei.Decimal(MinimoPermisible, "Mínimo permisible", e);
        var lbAnio = EdicionPei.Entero(LineaBaseAnio, "Línea base, año", e);
        var lbValor = EdicionPei.Decimal(LineaBaseValor, "Línea base, valor", e);
        if (lbAnio is { } la && Pei.MotivoAnioLineaBase(la) is { } lineaBase) e.Add($"Línea base, año: {lineaBase}.");
        int? centroId = null;
        if (!string.IsNullOrWhiteSpace(CentroResponsable))
        {
            var c = Centros.FirstOrDefault(x => x.Codigo == CentroResponsable.Trim());
            if (c.Codigo is null) e.Add($"Centro de costo responsable: {CentroResponsable} no existe en la entidad.");
            else centroId = c.Id;
        }
        var valores = new List<(int Anio, decimal? Le, decimal? Vo, decimal? S1, decimal? S2)>();
        foreach (var f in Anios)
        {
            if (Pei.MotivoAnioFueraDelHorizonte(f.Anio) is { } fuera) { e.Add($"Año {f.Anio}: {fuera}."); continue; }
            valores.Add((f.Anio,
                EdicionPei.Decimal(f.LogroEsperado, $"Logro esperado {f.Anio}", e),
                EdicionPei.Decimal(f.ValorObtenido, $"Valor obtenido {f.Anio}", e),
                EdicionPei.Decimal(f.ValorSemestre1, $"Valor obtenido {f.Anio} I semestre", e),
                EdicionPei.Decimal(f.ValorSemestre2, $"Valor obtenido {f.Anio} II semestre", e)));
        }
        if (e.Count > 0) return Page();
        try
        {
            var ind = Indicador;
            if (ind is null)
            {
                ind = new Indicador(Pei.EntidadId, (Codigo ?? "").Trim(), Nombre ?? "", Vacio(Unidad), sentido, lbAnio, lbValor, Vacio(Fuente), Vacio(MetodoCalculo),
                    centroId, maximo, minimo);
                // The PEI decides: an indicator code is unique in the whole PEI.
                Pei.AgregarIndicador(Oei, Aei, ind);
            }
            else
            {
                ind.Actualizar(Nombre ?? "", Vacio(Unidad), sentido, lbAnio, lbValor, Vacio(Fuente), Vacio(MetodoCalculo), centroId, maximo, minimo);
            }
            foreach (var v in valores) ind.FijarValoresDelAnio(v.Anio, v.Le, v.Vo, v.S1, v.S2);
            await db.SaveChangesAsync(ct);
            TempData["Aviso"] = $"Se guardó el indicador {ind.Codigo} del {Dueno}.";
            return RedirectToPage("/Peis/Index", new { entidad, codigo = pei });
        }
        catch (ReglaDominioException ex)
        {
            e.Add(ex.Message);
        }
        return Page();
    }

    private List<int> AniosDelPei() => Enumerable.Range(Pei.Inicio, Pei.Fin - Pei.Inicio + 1).ToList();

    private async Task<IActionResult?> PrepararAsync(string entidad, string pei, [FromQuery] string oei, [FromQuery] string? aei, string? codigo, CancellationToken ct)
    {
        var abierto = await EdicionPei.AbrirAsync(db, User, entidad, pei, ct);
        if (abierto is not ({ } e, { } p, _)) return abierto.No;
        CodigoEntidad = e.Codigo;
        Pei = p;
        if (p.Oeis.SingleOrDefault(o => o.Codigo == oei) is not { } o) return NotFound();
        Oei = o;
        if (aei is not null && (Aei = o.Aeis.SingleOrDefault(a => a.Codigo == aei)) is null) return NotFound();
        var lista = Aei?.Indicadores ?? o.Indicadores;
        if (codigo is not null && (Indicador = lista.SingleOrDefault(i => i.Codigo == codigo)) is null) return NotFound();
        Centros = (await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == e.Id).Select(c => new { c.Id, c.Codigo, c.Nombre }).ToListAsync(ct))
            .OrderBy(c => c.Codigo, StringComparer.Ordinal).Select(c => (c.Id, c.Codigo, c.Nombre)).ToList();
        return null;
    }

    private static string? Vacio(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
