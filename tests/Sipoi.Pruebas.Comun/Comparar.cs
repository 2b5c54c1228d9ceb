using System.Collections;
using System.Reflection;

namespace Sipoi.Pruebas.Comun;

/// <summary>
/// Structural comparison of the exchange model by reflection, so a field added later is compared
/// without touching the tests. Decimals compare as numbers (17337130.00 equals 17337130).
/// </summary>
public static class Comparar
{
    public static List<string> Diferencias(object? esperado, object? real, string ruta = "documento")
    {
        var diferencias = new List<string>();
        Recorrer(esperado, real, ruta, diferencias);
        return diferencias;
    }

    private static void Recorrer(object? a, object? b, string ruta, List<string> dif)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null) dif.Add($"{ruta}: {a ?? "null"} ≠ {b ?? "null"}");
            return;
        }
        var tipo = a.GetType();
        if (a is not IEnumerable && tipo != b.GetType())
        {
            dif.Add($"{ruta}: tipo {tipo.Name} ≠ {b.GetType().Name}");
            return;
        }
        if (EsSimple(tipo))
        {
            if (!a.Equals(b)) dif.Add($"{ruta}: {a} ≠ {b}");
            return;
        }
        if (a is IDictionary da && b is IDictionary db)
        {
            var claves = da.Keys.Cast<object>().Concat(db.Keys.Cast<object>()).Distinct();
            foreach (var k in claves) Recorrer(da.Contains(k) ? da[k] : null, db.Contains(k) ? db[k] : null, $"{ruta}[{k}]", dif);
            return;
        }
        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count) dif.Add($"{ruta}: {la.Count} elementos ≠ {lb.Count}");
            for (var i = 0; i < Math.Min(la.Count, lb.Count); i++) Recorrer(la[i], lb[i], $"{ruta}[{i}]", dif);
            return;
        }
        foreach (var p in Propiedades(tipo)) Recorrer(p.GetValue(a), p.GetValue(b), $"{ruta}.{p.Name}", dif);
    }

    /// <summary>Members of the model that are never set (null, empty, or default) anywhere in <paramref name="raiz"/>.</summary>
    public static List<string> CamposSinValor(object raiz)
    {
        var conValor = new HashSet<string>();
        var vistos = new HashSet<string>();
        Marcar(raiz, conValor, vistos);
        return vistos.Except(conValor).Order().ToList();
    }

    private static void Marcar(object? o, HashSet<string> conValor, HashSet<string> vistos)
    {
        if (o is null || EsSimple(o.GetType())) return;
        if (o is IDictionary d)
        {
            foreach (var v in d.Values) Marcar(v, conValor, vistos);
            return;
        }
        if (o is IEnumerable e)
        {
            foreach (var x in e) Marcar(x, conValor, vistos);
            return;
        }
        foreach (var p in Propiedades(o.GetType()))
        {
            var nombre = $"{o.GetType().Name}.{p.Name}";
            vistos.Add(nombre);
            var v = p.GetValue(o);
            var tieneValor = v switch
            {
                null => false,
                string s => s.Length > 0,
                IEnumerable col => col.Cast<object>().Any(),
                _ when v.GetType().IsValueType => !v.Equals(Activator.CreateInstance(v.GetType())),
                _ => true,
            };
            if (tieneValor) conValor.Add(nombre);
            Marcar(v, conValor, vistos);
        }
    }

    private static IEnumerable<PropertyInfo> Propiedades(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    private static bool EsSimple(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly);
}
