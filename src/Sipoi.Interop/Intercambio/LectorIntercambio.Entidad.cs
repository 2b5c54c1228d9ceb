using System.Text.Json;
using Sipoi.Domain;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Interop.Intercambio;

public static partial class LectorIntercambio
{
    // The entity and its evaluation settings (the DTOs of DocumentoIntercambio.cs).
    private sealed partial class Lector
    {
        private EntidadDto? Entidad(Objeto? e)
        {
            if (e is not { } o) return null;
            var codigo = o.Texto("codigo", obligatorio: true, ClaseTexto.Codigo);
            var nombre = o.Texto("nombre", obligatorio: true);
            var tipo = o.Texto("tipo");
            var siglas = o.Texto("siglas", clase: ClaseTexto.Codigo);
            var vision = o.Texto("vision", clase: ClaseTexto.TextoLargo);
            var textos = TextosEntidad(o.Hijo("textos"));
            if (codigo is null || nombre is null) return null;
            return new EntidadDto { Codigo = codigo, Nombre = nombre, Tipo = tipo, Siglas = siglas, Vision = vision, Textos = textos };
        }

        /// <summary>entidad.textos: every member optional, each a paragraph (<see cref="ContenidoTextos.Validar"/>'s limits).</summary>
        private static ContenidoTextos? TextosEntidad(Objeto? t)
        {
            if (t is not { } o) return null;
            var contenido = ContenidoTextos.Vacio;
            foreach (var c in ContenidoTextos.Campos) contenido = c.Con(contenido, o.Texto(c.Clave, clase: ClaseTexto.TextoLargo));
            return contenido.Normalizado();
        }

        private ConfiguracionDto Configuracion(Objeto o)
        {
            var metodo = o.Codigo<MetodoEvaluacion>("metodo", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<MetodoEvaluacion>());
            BandasDto? bandas = null;
            if (o.Hijo("bandas") is { } b)
            {
                var medio = b.Numero("medioDesde", obligatorio: true);
                var alto = b.Numero("altoDesde", obligatorio: true);
                if (medio is { } m && alto is { } a) bandas = new BandasDto { MedioDesde = m, AltoDesde = a };
            }
            var etiquetas = Textos(o.Hijo("etiquetasBandas"));
            var leyendas = Textos(o.Hijo("leyendasBandas"));
            var configuracion = new ConfiguracionDto
            {
                Metodo = metodo,
                Bandas = bandas,
                EtiquetasBandas = etiquetas,
                LeyendasBandas = leyendas,
                ToleranciaInferior = o.Numero("toleranciaInferior"),
                ToleranciaSuperior = o.Numero("toleranciaSuperior"),
                DiasCierre = o.Entero("diasCierre"),
                MostrarEnviados = o.Logico("mostrarEnviados"),
                RitmoReporte = o.Codigo<RitmoReporte>("ritmoReporte", CodigosIntercambio.TryParse, CodigosIntercambio.Aceptados<RitmoReporte>()),
                ValidacionJefatura = o.Logico("validacionJefatura"),
                PorcentajesEnteros = o.Logico("porcentajesEnteros"),
            };
            ReglasDeConfiguracion(o, configuracion);
            return configuracion;
        }

        /// <summary>
        /// The entity's rules for its settings are the domain's (<see cref="ConfiguracionEntidad.Validar"/>): the
        /// members the file gives are checked over the defaults, and each problem of a member the file has is
        /// reported at its path. Members the file leaves out keep the entity's settings on import, unknown here.
        /// </summary>
        private void ReglasDeConfiguracion(Objeto o, ConfiguracionDto c)
        {
            var candidata = ConfiguracionEntidad.PorDefecto().Con(c);
            foreach (var problema in candidata.Validar())
            {
                var ruta = Lectura.Hijo(o.Ruta, problema.Campo);
                if (Presente(o, problema.Campo)) l.Error(ruta, problema.Detalle.TrimEnd('.'));
            }
        }

        private static bool Presente(Objeto o, string clave)
        {
            var partes = clave.Split('.');
            return partes.Length == 1
                ? o.Tiene(partes[0])
                : o.Crudo(partes[0]) is { ValueKind: JsonValueKind.Object } h && h.TryGetProperty(partes[1], out _);
        }

        private static TextosBandasDto? Textos(Objeto? t)
        {
            if (t is not { } o) return null;
            var bajo = o.Texto("bajo", obligatorio: true);
            var medio = o.Texto("medio", obligatorio: true);
            var alto = o.Texto("alto", obligatorio: true);
            return bajo is null || medio is null || alto is null ? null : new TextosBandasDto { Bajo = bajo, Medio = medio, Alto = alto };
        }
    }
}
