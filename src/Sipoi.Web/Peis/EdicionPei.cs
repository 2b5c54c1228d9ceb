using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Web.Data;
using Sipoi.Web.Entidades;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Peis;

/// <summary>
/// What the PEI and government-plan edit pages share: who may edit (README.md in this folder), loading a
/// whole PEI for a change, and reading typed numbers.
/// </summary>
public static class EdicionPei
{
    /// <summary>The planning office and the administrator own the plans; Operador and Consulta only read them.</summary>
    public static bool PuedeEditar(ClaimsPrincipal u) => u.IsInRole(Roles.Administrador) || u.IsInRole(Roles.Planificador);

    /// <summary>A PEI of the entity with every OEI, AEI and indicator (and their values), tracked for a change.</summary>
    public static Task<Pei?> CargarAsync(SipoiDbContext db, int entidadId, string codigo, CancellationToken ct) =>
        db.Peis
            .Include(p => p.Oeis).ThenInclude(o => o.Aeis).ThenInclude(a => a.Indicadores).ThenInclude(i => i.Valores)
            .Include(p => p.Oeis).ThenInclude(o => o.Indicadores).ThenInclude(i => i.Valores)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.EntidadId == entidadId && p.Codigo == codigo, ct);

    /// <summary>
    /// What every PEI edit page checks first, in this order: may the user edit (403), do the entity and its PEI
    /// exist (404). Returns the entity and the PEI loaded for a change, or the page's answer in <c>No</c>.
    /// </summary>
    public static async Task<(Entidad? Entidad, Pei? Pei, IActionResult? No)> AbrirAsync(
        SipoiDbContext db, ClaimsPrincipal u, string entidad, string pei, CancellationToken ct)
    {
        if (!PuedeEditar(u)) return (null, null, new ForbidResult());
        if (await ContextoEntidad.BuscarAsync(db, entidad, ct) is not { } e) return (null, null, new NotFoundResult());
        if (await CargarAsync(db, e.Id, pei, ct) is not { } p) return (null, null, new NotFoundResult());
        return (e, p, null);
    }

    /// <summary>
    /// A number as the offices type it (1,234.50: comma for thousands, point for decimals); null when empty.
    /// Adds "«campo»: … no es un número" to <paramref name="errores"/> when it cannot be read.
    /// </summary>
    public static decimal? Decimal(string? texto, string campo, List<string> errores)
    {
        var (v, problema) = NumeroEscrito.Leer(texto);
        if (v is { } n && Math.Abs(n) > MaximoGuardable) problema = $"«{texto!.Trim()}» es demasiado grande.";
        if (problema is null) return v;
        errores.Add($"{campo}: {problema}");
        return null;
    }

    /// <summary>A year or a priority: a whole number; null when empty.</summary>
    public static int? Entero(string? texto, string campo, List<string> errores)
    {
        if (string.IsNullOrWhiteSpace(texto)) return null;
        if (int.TryParse(texto.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        errores.Add($"{campo}: «{texto.Trim()}» no es un número entero.");
        return null;
    }

    /// <summary>An input's value: no grouping, no trailing zeros, so it reads back unchanged.</summary>
    public static string? Texto(decimal? v) => v?.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The unique-index violation PostgreSQL raises when someone else saved the same priority or code first.</summary>
    public static bool EsDuplicado(DbUpdateException e) => e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // numeric(20,6) holds indicator values; keep a margin below it.
    private const decimal MaximoGuardable = 99_999_999_999_999m;
}
