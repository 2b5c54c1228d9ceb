using Sipoi.Domain;
using Sipoi.Domain.Operativo;

namespace Sipoi.Interop.Intercambio;

public static partial class LectorIntercambio
{
    // An activity's optional "indicador", "elementosCriticos" and "necesidades" (docs/intercambio.md); the rules are the
    // domain's (DetalleActividad.Problemas), each reported under its JSON path.
    private sealed partial class Lector
    {
        private (IndicadorActividadDto? Indicador, List<string> Elementos, List<NecesidadDto> Necesidades)? Detalle(Objeto o, string? codigo)
        {
            var completo = true;
            IndicadorActividadDto? indicador = null;
            if (o.Hijo("indicador") is { } i)
            {
                var enunciado = i.Texto("enunciado", obligatorio: true);
                var tipo = i.Codigo<TipoIndicadorActividad>("tipo", DetalleIntercambio.TryParse, "«proceso» o «insumo»");
                if (tipo is null) i.Tomar("tipo", obligatorio: true, out _);
                if (enunciado is null || tipo is null) completo = false;
                else indicador = new IndicadorActividadDto { Enunciado = enunciado, Tipo = tipo.Value };
            }
            var elementos = new List<string>();
            foreach (var (valor, ruta) in o.Lista("elementosCriticos"))
            {
                if (l.ComoTexto(valor, ruta) is { } texto) elementos.Add(texto);
                else completo = false;
            }
            var necesidades = new List<NecesidadDto>();
            foreach (var (valor, ruta) in o.Lista("necesidades"))
            {
                if (l.ComoObjeto(valor, ruta) is not { } n)
                {
                    completo = false;
                    continue;
                }
                var codigoGasto = n.Texto("codigo", clase: ClaseTexto.Codigo);
                var detalle = n.Texto("detalle", obligatorio: true);
                var cantidad = n.Numero("cantidad", obligatorio: true);
                var costo = n.Numero("costoUnitario", obligatorio: true);
                if (detalle is null || cantidad is null || costo is null) completo = false;
                else necesidades.Add(new NecesidadDto { Codigo = codigoGasto, Detalle = detalle, Cantidad = cantidad.Value, CostoUnitario = costo.Value });
            }
            if (!completo) return null;
            var dominio = new DetalleActividad(indicador?.Enunciado, indicador?.Tipo, elementos,
                necesidades.Select(x => new Necesidad(x.Codigo, x.Detalle, x.Cantidad, x.CostoUnitario)).ToList());
            var problemas = dominio.Problemas(codigo ?? "(sin código)");
            foreach (var p in problemas) l.Error(o.RutaDe(Ruta(p.Campo)), p.Mensaje);
            return problemas.Count > 0 ? null : (indicador, elementos, necesidades);
        }

        /// <summary>The domain's field key ("Necesidades[0].CostoUnitario") as the file's member path ("necesidades[0].costoUnitario").</summary>
        private static string Ruta(string campo) => campo switch
        {
            "Indicador" => "indicador.enunciado",
            "TipoIndicador" => "indicador.tipo",
            _ => string.Join('.', campo.Split('.').Select(s => char.ToLowerInvariant(s[0]) + s[1..])),
        };
    }
}
