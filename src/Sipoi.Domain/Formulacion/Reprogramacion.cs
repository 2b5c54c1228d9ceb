using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Formulacion;

/// <summary>The monthly physical targets an activity has (or would have) in a version, and how they roll up.</summary>
public sealed record MetasActividad(Comportamiento Comportamiento, IReadOnlyList<decimal> Fisico);

/// <summary>
/// Reprogramming during the year never rewrites the past: a month that has an executed value, or
/// whose monitoring was submitted or approved, keeps the target the version in force gave it
/// (src/Sipoi.Web/Formulacion/README.md). Pure rules; the caller reads the months and versions.
/// </summary>
public static class Reprogramacion
{
    private const string Ejecutado = "ya tiene ejecución registrada";

    /// <summary>
    /// The protected months of one activity, each with the reason: executed value registered, or the
    /// centre's monitoring of the month submitted or approved.
    /// </summary>
    public static IReadOnlyDictionary<int, string> MesesProtegidos(IReadOnlyList<decimal?> ejecutado,
        IReadOnlyDictionary<int, EstadoSeguimiento> seguimientoDelCentro)
    {
        if (ejecutado.Count != 12) throw new ArgumentException($"Se esperan 12 meses y llegaron {ejecutado.Count}.", nameof(ejecutado));
        var protegidos = new SortedDictionary<int, string>();
        for (var mes = 1; mes <= 12; mes++)
        {
            if (seguimientoDelCentro.TryGetValue(mes, out var e) && e is EstadoSeguimiento.Aprobado or EstadoSeguimiento.Enviado or EstadoSeguimiento.Validado)
                protegidos[mes] = e == EstadoSeguimiento.Aprobado ? "su seguimiento está aprobado" : "su seguimiento fue enviado";
            else if (ejecutado[mes - 1] is not null)
                protegidos[mes] = Ejecutado;
        }
        return protegidos;
    }

    /// <summary>
    /// Every problem of reprogramming activity <paramref name="codigo"/> from <paramref name="vigente"/>
    /// (null: not in the version in force, a new activity, whose protected months had target 0) to
    /// <paramref name="nueva"/> (null: removed from the new version). Empty when allowed.
    /// </summary>
    public static IReadOnlyList<string> Verificar(string codigo, MetasActividad? vigente, MetasActividad? nueva,
        IReadOnlyDictionary<int, string> protegidos)
    {
        if (protegidos.Count == 0 || (vigente is null && nueva is null)) return [];
        var problemas = new List<string>();
        if (nueva is null)
        {
            // Removing is programming 0 everywhere: refused when a protected month had a target or an executed value.
            foreach (var (mes, motivo) in protegidos)
            {
                if ((vigente?.Fisico[mes - 1] ?? 0) == 0 && motivo != Ejecutado) continue;
                problemas.Add($"No se puede retirar la actividad {codigo}: {Meses.Nombre(mes).ToLowerInvariant()} {motivo}. " +
                    "Reprograme a 0 los meses que faltan en lugar de retirarla.");
                break;
            }
            return problemas;
        }
        if (vigente is not null && vigente.Comportamiento != nueva.Comportamiento)
        {
            var (mes, motivo) = protegidos.First();
            problemas.Add($"Actividad {codigo}: no se puede cambiar el comportamiento de {vigente.Comportamiento.Nombre().ToLowerInvariant()} a " +
                $"{nueva.Comportamiento.Nombre().ToLowerInvariant()} porque {Meses.Nombre(mes).ToLowerInvariant()} {motivo}.");
        }
        foreach (var (mes, motivo) in protegidos)
        {
            var antes = vigente?.Fisico[mes - 1] ?? 0;
            var despues = nueva.Fisico[mes - 1];
            if (antes != despues)
                problemas.Add($"Actividad {codigo}, {Meses.Nombre(mes).ToLowerInvariant()}: la meta no se puede cambiar porque el mes {motivo}; " +
                    $"debe quedar en {Cifra(antes)} (se propuso {Cifra(despues)}).");
        }
        return problemas;
    }

    private static string Cifra(decimal v) => v.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
