using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sipoi.Interop.Evaluacion;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Auditoria;

/// <summary>One line of a change as the audit page shows it: «Meta física de enero · 120 · 1,234.5».</summary>
public sealed record CampoCambiado(string Campo, string? Antes, string? Despues);

/// <summary>
/// Reads an audit row for a person: Spanish field names (<see cref="EtiquetasAuditoria"/>), with the month (and
/// genérica) of the row's key; values written as the pages write them — 17,009,620.80 for soles, dates dd/mm/aaaa,
/// Sí/No — by the column's type in the EF model; an insert's or delete's JSON record as one line per field.
/// The stored row is not touched: the CSV export keeps the raw values.
/// </summary>
public sealed partial class CambiosLegibles
{
    private readonly Dictionary<(string Tabla, string Columna), Type> tipos = [];
    /// <summary>Role id (as stored) → role name, so «Rol del usuario» reads «Planificador (OPP)», not 2.</summary>
    private readonly IReadOnlyDictionary<string, string> roles;

    public CambiosLegibles(IModel modelo, IReadOnlyDictionary<string, string>? roles = null)
    {
        this.roles = roles ?? new Dictionary<string, string>();
        foreach (var t in modelo.GetEntityTypes())
        {
            if (t.GetTableName() is not { } tabla) continue;
            foreach (var p in t.GetProperties())
                tipos.TryAdd((tabla, p.GetColumnName()), Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType);
        }
    }

    public IReadOnlyList<CampoCambiado> Leer(AccionAuditada accion, string tabla, string clave, string? campo, string? anterior, string? nuevo)
    {
        var sufijo = Sufijo(tabla, clave);
        if (campo is not null)
            return [new CampoCambiado(Etiqueta(tabla, campo, sufijo), Valor(tabla, campo, anterior), Valor(tabla, campo, nuevo))];
        if (accion == AccionAuditada.Alta && Registro(nuevo) is { } alta)
            return [.. alta.Select(c => new CampoCambiado(Etiqueta(tabla, c.Key, sufijo), null, Valor(tabla, c.Key, c.Value)))];
        if (accion == AccionAuditada.Baja && Registro(anterior) is { } baja)
            return [.. baja.Select(c => new CampoCambiado(Etiqueta(tabla, c.Key, sufijo), Valor(tabla, c.Key, c.Value), null))];
        // A workflow step or an import: its text, when it has one.
        return anterior is null && nuevo is null ? [] : [new CampoCambiado("Detalle", anterior, nuevo)];
    }

    /// <summary>The tables whose rows are one month's figure: their values read «Meta física de enero».</summary>
    private static readonly HashSet<string> TablasPorMes = ["meta_mensual", "avance_mensual", "programacion_financiera", "avance_financiero"];

    /// <summary>«Meta física de enero», «Meta financiera de enero (S/)»: the month goes before the unit.</summary>
    private static string Etiqueta(string tabla, string columna, string sufijo)
    {
        var etiqueta = EtiquetasAuditoria.Campo(tabla, columna);
        if (sufijo.Length == 0 || columna is "id" or "mes" or "generica" || columna.EndsWith("_id", StringComparison.Ordinal)) return etiqueta;
        var unidad = etiqueta.EndsWith(')') ? etiqueta.LastIndexOf(" (", StringComparison.Ordinal) : -1;
        return unidad > 0 ? etiqueta[..unidad] + sufijo + etiqueta[unidad..] : etiqueta + sufijo;
    }

    /// <summary>«de enero», «de enero, genérica 2.3» when the row's key names them (clave "12 (programacion_id=4, mes=1)").</summary>
    private static string Sufijo(string tabla, string clave)
    {
        var texto = "";
        if (!TablasPorMes.Contains(tabla)) return texto;
        if (MesDeLaClave().Match(clave) is { Success: true } m && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var mes) && mes is >= 1 and <= 12)
            texto = " de " + Meses.Nombre(mes).ToLowerInvariant();
        if (GenericaDeLaClave().Match(clave) is { Success: true } g)
            texto += ", genérica " + g.Groups[1].Value;
        return texto;
    }

    /// <summary>
    /// The record an insert or delete stored (column → value), without the entity every row of the page shares and without
    /// the row's version (<c>xmin</c>, PostgreSQL's own counter: it says nothing to a reader).
    /// </summary>
    private static List<KeyValuePair<string, string?>>? Registro(string? json)
    {
        if (json is null || !json.StartsWith('{')) return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json)?.Where(c => c.Key is not ("entidad_id" or "xmin")).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A stored value (culture-free, <see cref="EntradaAuditoria.Valor"/>) as the pages write it.</summary>
    public string? Valor(string tabla, string columna, string? valor)
    {
        if (valor is null) return null;
        var tipo = tipos.GetValueOrDefault((tabla, columna));
        var i = CultureInfo.InvariantCulture;
        if (tipo == typeof(bool) || (tipo is null && valor is "true" or "false"))
            return valor switch { "true" => "Sí", "false" => "No", _ => valor };
        if (tipo == typeof(decimal) || tipo == typeof(double) || tipo == typeof(float))
            return decimal.TryParse(valor, NumberStyles.Float, i, out var d)
                ? EtiquetasAuditoria.Campo(tabla, columna).EndsWith("(S/)", StringComparison.Ordinal) ? Formato.Numero2(d) : FormatoNumero.Cantidad(d, 6)
                : valor;
        if ((tipo == typeof(int) || tipo == typeof(short)) && columna is "mes" or "mes_inicio" or "mes_fin"
            && int.TryParse(valor, i, out var mes) && mes is >= 1 and <= 12)
            return Meses.Nombre(mes);
        if (tipo is { IsEnum: true } && ValoresEnumerados.Nombre(tipo, valor) is { } nombre)
            return nombre;
        if (tabla == "rol" && columna == "name")
            return Sipoi.Web.Seguridad.Roles.NombreVisible(valor);
        if (columna == "role_id" && roles.TryGetValue(valor, out var rol))
            return Sipoi.Web.Seguridad.Roles.NombreVisible(rol);
        if (tipo == typeof(DateOnly) || (tipo is null && FechaIso().IsMatch(valor)))
            return DateOnly.TryParseExact(valor, "yyyy-MM-dd", i, DateTimeStyles.None, out var f) ? f.ToString("dd/MM/yyyy", i) : valor;
        if (tipo == typeof(DateTimeOffset) || tipo == typeof(DateTime))
            return DateTimeOffset.TryParse(valor, i, DateTimeStyles.RoundtripKind, out var t) ? Formato.FechaHora(t) : valor;
        return valor;
    }

    [GeneratedRegex(@"\bmes=(\d{1,2})\b")]
    private static partial Regex MesDeLaClave();

    [GeneratedRegex(@"\bgenerica=([^,)]+)")]
    private static partial Regex GenericaDeLaClave();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex FechaIso();
}
