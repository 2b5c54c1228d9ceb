using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Sipoi.Web.Data;

/// <summary>
/// A decimal keeps the scale it was written with (1250.50), but PostgreSQL gives back the column's (numeric(18,4):
/// 1250.5000), and JSON writes the scale. So an answer built from the objects just saved would differ from the same
/// month read again. <see cref="Igualar"/> puts every decimal of a saved row in its column's scale, as a new read would
/// give it: the one place where the two agree (ApiSeguimientoTests.Put_LaRespuestaEsElMesGuardado_YSuVersionSirveParaElSiguiente).
/// </summary>
public static class EscalaDeLaBase
{
    /// <summary>
    /// Rewrites the decimals of a saved (unchanged) row with its columns' scale. Straight into the object's member: EF skips a
    /// value its comparer finds equal (1250.50 == 1250.5000), and the values are equal, so the row stays unchanged.
    /// </summary>
    public static void Igualar(EntityEntry fila)
    {
        foreach (var p in fila.Properties)
        {
            if (p.Metadata.GetScale() is not { } escala || p.CurrentValue is not decimal valor) continue;
            var igual = ConEscala(valor, escala);
            if (p.Metadata.FieldInfo is { } campo) campo.SetValue(fila.Entity, igual);
            else p.Metadata.PropertyInfo?.SetValue(fila.Entity, igual);
        }
    }

    /// <summary>The value rounded to <paramref name="escala"/> decimals and written with exactly that many (1250.5 → 1250.5000).</summary>
    public static decimal ConEscala(decimal valor, int escala) =>
        decimal.Round(valor, escala, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, (byte)escala);
}
