using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Operativo;

namespace Sipoi.Domain.Tests.Formulacion;

public class FlujoFormulacionTests
{
    private static readonly DateTimeOffset Ahora = new(2024, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static FormulacionCentro Enviado()
    {
        var f = new FormulacionCentro(1, 2, 3);
        f.Enviar("01.02", 4, [], "operador", Ahora);
        return f;
    }

    [Fact]
    public void Centro_NaceEnBorradorYEditable()
    {
        var f = new FormulacionCentro(1, 2, 3);
        Assert.Equal(EstadoFormulacion.Borrador, f.Estado);
        Assert.True(f.Editable);
        Assert.Null(f.MotivoNoEditable("01.02"));
    }

    [Fact]
    public void Enviar_DejaEnviadoYDeSoloLectura()
    {
        var f = Enviado();
        Assert.Equal(EstadoFormulacion.Enviado, f.Estado);
        Assert.Equal("operador", f.EnviadoPor);
        Assert.False(f.Editable);
        var e = Assert.Throws<ReglaDominioException>(() => f.AsegurarEditable("01.02"));
        Assert.Contains("fue enviada y está en revisión", e.Message);
    }

    [Fact]
    public void Enviar_SinActividades_SeRechaza()
    {
        var e = Assert.Throws<ReglaDominioException>(() => new FormulacionCentro(1, 2, 3).Enviar("01.02", 0, [], "operador", Ahora));
        Assert.Contains("no tiene actividades programadas", e.Message);
    }

    [Fact]
    public void Enviar_ConProblemas_LosListaYNoCambia()
    {
        var f = new FormulacionCentro(1, 2, 3);
        var e = Assert.Throws<ReglaDominioException>(() => f.Enviar("01.02", 2, ["Actividad A: x", "Actividad B: y"], "operador", Ahora));
        Assert.Contains("- Actividad A: x\n- Actividad B: y", e.Message);
        Assert.Equal(EstadoFormulacion.Borrador, f.Estado);
    }

    [Fact]
    public void Observar_ExigeMotivoYDevuelveAlCentro()
    {
        var f = Enviado();
        Rechazo.Con(() => f.Observar("01.02", "  ", "opp", Ahora), "Para observar la programación del centro de costo 01.02 escriba el motivo.");
        Assert.Equal(EstadoFormulacion.Enviado, f.Estado);
        f.Observar("01.02", "Falta la meta de diciembre", "opp", Ahora);
        Assert.Equal(EstadoFormulacion.Observado, f.Estado);
        Assert.Equal("Falta la meta de diciembre", f.Observacion);
        Assert.True(f.Editable);
        f.Enviar("01.02", 4, [], "operador", Ahora);
        Assert.Equal(EstadoFormulacion.Enviado, f.Estado);
        Assert.Equal("Falta la meta de diciembre", f.Observacion); // kept as the review's history
    }

    [Fact]
    public void Aceptar_SoloUnEnviado()
    {
        var borrador = new FormulacionCentro(1, 2, 3);
        var e = Assert.Throws<ReglaDominioException>(() => borrador.Aceptar("01.02", "opp", Ahora));
        Assert.Contains("solo se acepta una enviada", e.Message);
        var f = Enviado();
        f.Aceptar("01.02", "opp", Ahora);
        Assert.Equal(EstadoFormulacion.Aceptado, f.Estado);
        Assert.False(f.Editable);
        Rechazo.Con(() => f.Observar("01.02", "tarde", "opp", Ahora), "No se puede observar la programación del centro de costo 01.02: está aceptado; solo se observa una enviada.");
        Rechazo.Con(() => f.Enviar("01.02", 4, [], "operador", Ahora), "No se puede enviar la programación del centro de costo 01.02: está aceptado.");
    }

    [Fact]
    public void AbrirVersion_UnBorradorALaVez()
    {
        var poi = new Poi(1, 2025, 1);
        var v = poi.AbrirVersion(TipoVersionPoi.Anual, null);
        Assert.Equal("POI Anual 2025", v.Etiqueta);
        var e = Assert.Throws<ReglaDominioException>(() => poi.AbrirVersion(TipoVersionPoi.Modificado, "ajuste"));
        Assert.Contains("Ya hay una versión en borrador (POI Anual 2025)", e.Message);
    }

    [Fact]
    public void AbrirVersion_ModificadoExigeUnaAprobadaYMotivo_YSeNumeraDesdeV2()
    {
        var poi = new Poi(1, 2025, 1);
        Rechazo.Con(() => poi.AbrirVersion(TipoVersionPoi.Modificado, "ajuste"), "Un POI modificado parte de una versión aprobada, y este POI aún no tiene ninguna.");
        poi.AbrirVersion(TipoVersionPoi.Multianual, null).Aprobar("RGG 1", new DateOnly(2024, 6, 1));
        Assert.Equal("POI Multianual 2025-2027", poi.Versiones[0].Etiqueta);
        poi.AbrirVersion(TipoVersionPoi.Anual, null).Aprobar("RGG 2", new DateOnly(2024, 12, 28));
        Rechazo.Con(() => poi.AbrirVersion(TipoVersionPoi.Modificado, " "), "Un POI modificado requiere el motivo de la modificación.");
        var v2 = poi.AbrirVersion(TipoVersionPoi.Modificado, "Reprogramación por recorte");
        Assert.Equal("POI Modificado v2", v2.Etiqueta);
        Assert.Equal(3, v2.Numero);
        // Until the draft is approved the version in force is still the Anual: evaluation does not move.
        Assert.Equal("POI Anual 2025", poi.VersionVigente!.Etiqueta);
        v2.Aprobar("RGG 3", new DateOnly(2025, 7, 1));
        Assert.Equal(v2, poi.VersionVigente);
        Assert.Equal("POI Modificado v3", poi.AbrirVersion(TipoVersionPoi.Modificado, "Segunda").Etiqueta);
    }

    [Fact]
    public void AbrirVersion_MultianualDespuesDeLaAnual_SeRechaza()
    {
        var poi = new Poi(1, 2025, 1);
        poi.AbrirVersion(TipoVersionPoi.Anual, null).Aprobar("RGG 2", new DateOnly(2024, 12, 28));
        Rechazo.Con(() => poi.AbrirVersion(TipoVersionPoi.Multianual, null), "El POI Multianual se formula antes del POI Anual; este POI ya tiene una versión anual o modificada.");
    }
}
