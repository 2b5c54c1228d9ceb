using System.Text.Json;
using Sipoi.Domain;

namespace Sipoi.Interop.Intercambio;

public static partial class LectorIntercambio
{
    // Cost centres and fichas de proceso (the DTOs of Organizacion.cs).
    private sealed partial class Lector
    {
        private CentroCostoDto? CentroCosto(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var padre = Referencia(o, "padre", refCentros);
            var responsable = o.Texto("responsable");
            var gerencia = o.Logico("gerencia");
            // Known by its code even when another member is wrong, so references to it do not cascade into errors.
            if (codigo is not null)
            {
                centros.Add((ruta, codigo));
                jerarquia.Add((ruta, codigo, padre));
            }
            if (codigo is null || nombre is null) return null;
            return new CentroCostoDto { Codigo = codigo, Nombre = nombre, Padre = padre, Responsable = responsable, Gerencia = gerencia ?? false };
        }

        private FichaDto? Ficha(JsonElement e, string ruta)
        {
            if (l.ComoObjeto(e, ruta) is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var gerencia = o.Texto("gerencia");
            var centroCosto = Referencia(o, "centroCosto", refCentros);
            var responsable = o.Texto("responsable");
            var objetivo = o.Texto("objetivo", clase: ClaseTexto.TextoLargo);
            var aei = new List<string>();
            foreach (var (valor, r) in o.Lista("aei"))
            {
                if (l.ComoTexto(valor, r, ClaseTexto.Codigo) is not { } a) continue;
                refAeis.Add((r, a));
                aei.Add(a);
            }
            var peso = Peso(o);
            if (codigo is not null) fichas.Add((ruta, codigo));
            if (codigo is null || nombre is null) return null;
            return new FichaDto
            {
                Codigo = codigo,
                Nombre = nombre,
                Gerencia = gerencia,
                CentroCosto = centroCosto,
                Responsable = responsable,
                Objetivo = objetivo,
                Aei = aei,
                Peso = peso,
            };
        }
    }
}
