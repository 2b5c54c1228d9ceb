using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Organizacion;

public class TextosInstitucionalesTests
{
    [Fact]
    public void Guardar_ReemplazaTodosLosTextosNormalizados()
    {
        var t = new TextosInstitucionales(7);
        t.Guardar(new ContenidoTextos { Valores = "  Integridad  \r\nCompromiso\r\n\r\n", Presentacion = "Texto", Conclusiones = "   " });
        Assert.Equal("Integridad\nCompromiso", t.Valores);
        Assert.Equal("Texto", t.Presentacion);
        Assert.Null(t.Conclusiones);

        t.Guardar(new ContenidoTextos { BaseLegal = "Ley N.° 26887" });
        Assert.Null(t.Valores);
        Assert.Null(t.Presentacion);
        Assert.Equal(new ContenidoTextos { BaseLegal = "Ley N.° 26887" }, t.Contenido);
    }

    [Fact]
    public void Guardar_UnTextoDemasiadoLargo_SeRechazaNombrandoCadaCampoYNadaCambia()
    {
        var t = new TextosInstitucionales(7);
        t.Guardar(new ContenidoTextos { Valores = "Integridad" });
        var e = Rechazo.Con(() => t.Guardar(new ContenidoTextos
        {
            Valores = "Otro valor",
            BaseLegal = new string('b', LimitesTexto.TextoLargo + 1),
            Politicas = "Calidad\u0007",
        }), "Base legal: admite hasta 4,000 caracteres (tiene 4,001).");
        Assert.Contains("Políticas: contiene un carácter de control (U+0007, posición 8)", e.Message, StringComparison.Ordinal);
        Assert.Equal("baseLegal", e.Campo);
        Assert.Equal("Integridad", t.Valores);
        Assert.Null(t.BaseLegal);
    }

    [Fact]
    public void Campos_CadaTextoTieneSuClaveYEtiquetaUnicas_YLeerYConSonInversos()
    {
        Assert.Equal(ContenidoTextos.Campos.Count, ContenidoTextos.Campos.Select(c => c.Clave).Distinct().Count());
        Assert.Equal(ContenidoTextos.Campos.Count, ContenidoTextos.Campos.Select(c => c.Etiqueta).Distinct().Count());
        // Every text of the record is one field: setting each by its field fills every property.
        var lleno = ContenidoTextos.Campos.Aggregate(ContenidoTextos.Vacio, (c, campo) => campo.Con(c, campo.Clave));
        foreach (var p in typeof(ContenidoTextos).GetProperties().Where(p => p.PropertyType == typeof(string)))
            Assert.NotNull(p.GetValue(lleno));
        Assert.All(ContenidoTextos.Campos, c => Assert.Equal(c.Clave, c.Leer(lleno)));
        Assert.False(lleno.SinTextos());
        Assert.True(ContenidoTextos.Vacio.SinTextos());
    }

    [Fact]
    public void Lineas_SonLosRenglonesNoVacios() =>
        Assert.Equal(["Uno", "Dos"], ContenidoTextos.Lineas("  Uno \n\n Dos\n"));
}
