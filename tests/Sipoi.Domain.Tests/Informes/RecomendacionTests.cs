using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using static Sipoi.Domain.Tests.Informes.EvaluacionPoiTests;

namespace Sipoi.Domain.Tests.Informes;

public sealed class RecomendacionTests
{
    private static readonly DateOnly Plazo = new(2024, 10, 31);

    private static DatosRecomendacion Datos(string aspecto = "x", int[]? unidades = null, string? externa = null, DateOnly? plazo = null,
        int? oei = null, int? aei = null) =>
        new(aspecto, "x", "y", unidades ?? [7], externa, plazo ?? Plazo, oei, aei);

    private static Recomendacion Nueva(EvaluacionPoi origen, int numero = 1) =>
        new(origen, numero, new DatosRecomendacion("Baja ejecución del OEI.03", "Reprogramar las metas del OEI.03", "Taller de reprogramación", [7], null, Plazo), null);

    /// <summary>A PEI with OEI.01 (id 11) and its AEI.01.01 (id 21), ids as the database would give them.</summary>
    private static Pei PeiConOeiYAei()
    {
        var pei = new Pei(1, "PEI 2024-2027", 2024, 2027);
        var oei = pei.AgregarOei("OEI.01", "Mejorar la calidad del servicio", 1);
        var aei = pei.AgregarAei(oei, "AEI.01.01", "Agua potable continua", 1);
        typeof(Oei).GetProperty(nameof(Oei.Id))!.SetValue(oei, 11);
        typeof(Aei).GetProperty(nameof(Aei.Id))!.SetValue(aei, 21);
        return pei;
    }

    [Fact]
    public void CamposObligatorios_YPlazoDentroDeLosDosAniosSiguientes()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, Datos(aspecto: " "), null), "El campo aspecto de mejora es obligatorio.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, Datos(plazo: new DateOnly(2023, 12, 31)), null), "El plazo 31/12/2023 debe caer entre 2024 y 2026.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, Datos(plazo: new DateOnly(2027, 1, 1)), null), "El plazo 01/01/2027 debe caer entre 2024 y 2026.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, Datos(aspecto: new string('a', Recomendacion.LargoMaximoTexto + 1)), null), "El campo aspecto de mejora admite hasta 500 caracteres (tiene 2,001).");
        Assert.Equal(new DateOnly(2026, 12, 31), new Recomendacion(s1, 1, Datos(plazo: new DateOnly(2026, 12, 31)), null).Plazo);
    }

    [Fact]
    public void Responsables_UnaOVariasUnidadesYOUnaEntidadExterna_AlMenosUna()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, Datos(unidades: [], externa: "  "), null),
            "Elija al menos una unidad responsable o escriba la entidad externa responsable.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, Datos(unidades: [7, 0]), null), "La unidad responsable elegida no es válida.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 1, Datos(externa: new string('s', LimitesTexto.Nombre + 1)), null),
            "El campo entidad externa responsable admite hasta 500 caracteres (tiene 501).");

        // A unit chosen twice counts once; an outside body alone is enough.
        var r = new Recomendacion(s1, 1, Datos(unidades: [7, 9, 7], externa: " SUNASS "), null);
        Assert.Equal([7, 9], r.Unidades);
        Assert.Equal("SUNASS", r.EntidadExterna);
        var solaExterna = new Recomendacion(s1, 2, Datos(unidades: [], externa: "Gobierno Regional de Puno"), null);
        Assert.Empty(solaExterna.Unidades);

        // Editing keeps the units that stay (the audit log then shows only what changed) and drops the outside body when blank.
        var antes = r.Responsables.Single(u => u.CentroCostoId == 9);
        r.Actualizar(s1, Datos(unidades: [9, 12], externa: ""), null);
        Assert.Equal([9, 12], r.Unidades);
        Assert.Same(antes, r.Responsables.Single(u => u.CentroCostoId == 9));
        Assert.Null(r.EntidadExterna);
        // A refused edit changes nothing.
        Rechazo.Con(() => r.Actualizar(s1, Datos(aspecto: "otro", unidades: []), null),
            "Elija al menos una unidad responsable o escriba la entidad externa responsable.");
        Assert.Equal([9, 12], r.Unidades);
        Assert.Equal("x", r.AspectoMejora);
    }

    [Fact]
    public void OeiOAei_UnoSoloYDelPeiDelPoiEvaluado()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var pei = PeiConOeiYAei();
        var sobreOei = new Recomendacion(s1, 1, Datos(oei: 11), pei);
        Assert.Equal(11, sobreOei.OeiId);
        Assert.Null(sobreOei.AeiId);
        var sobreAei = new Recomendacion(s1, 2, Datos(aei: 21), pei);
        Assert.Equal(21, sobreAei.AeiId);
        Assert.Null(new Recomendacion(s1, 3, Datos(), null).OeiId);

        Rechazo.Con(() => _ = new Recomendacion(s1, 4, Datos(oei: 11, aei: 21), pei), "Elija un OEI o una AEI para la recomendación, no ambos.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 4, Datos(oei: 99), pei), "El OEI elegido no es del PEI del POI 2024.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 4, Datos(aei: 11), pei), "La AEI elegida no es del PEI del POI 2024.");
        Rechazo.Con(() => _ = new Recomendacion(s1, 4, Datos(oei: 11), null), "El OEI elegido no es del PEI del POI 2024.");
        // Clearing it is an edit like any other.
        sobreOei.Actualizar(s1, Datos(), pei);
        Assert.Null(sobreOei.OeiId);
    }

    [Fact]
    public void EvaluacionPublicada_NoAdmiteNuevasNiCambiadas()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var r = Nueva(s1);
        s1.Publicar(null, "planificador", DateTimeOffset.UtcNow, 90, null, [Archivo()]);
        Assert.Contains("ya está publicada", Assert.Throws<ReglaDominioException>(() => Nueva(s1, 2)).Message);
        Rechazo.Con(() => r.Actualizar(s1, Datos(aspecto: "otro"), null), "La evaluación I Semestre 2024 ya está publicada: no se puede modificar sus recomendaciones.");
        Assert.Equal("Baja ejecución del OEI.03", r.AspectoMejora);
    }

    [Fact]
    public void Seguimiento_SoloEnUnaEvaluacionPosteriorYNoPublicada()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var s2 = Eval(2, 2024, Periodo.Semestre(2));
        var anterior = Eval(3, 2023, Periodo.Anual);
        var r = Nueva(s1);
        Assert.Contains("posterior", Assert.Throws<ReglaDominioException>(() => r.RegistrarSeguimiento(s1, s1, EstadoRecomendacion.EnProceso, null)).Message);
        Rechazo.Con(() => r.RegistrarSeguimiento(s1, anterior, EstadoRecomendacion.EnProceso, null), "La recomendación 1 de la evaluación I Semestre 2024 se sigue en una evaluación posterior, no en la evaluación Anual 2023.");
        r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.EnProceso, "Avance parcial");
        r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.Implementada, null);
        var fila = Assert.Single(r.Seguimiento);
        Assert.Equal(EstadoRecomendacion.Implementada, fila.Estado);
        Assert.Null(fila.Comentario);

        s2.Publicar(null, "planificador", DateTimeOffset.UtcNow, 90, null, [Archivo()]);
        Rechazo.Con(() => r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.Pendiente, null), "La evaluación II Semestre 2024 ya está publicada: no se puede modificar el seguimiento de recomendaciones.");
        Assert.Equal(EstadoRecomendacion.Implementada, Assert.Single(r.Seguimiento).Estado);
    }

    [Fact]
    public void NoImplementada_ExigeComentario()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var anual = Eval(2, 2024, Periodo.Anual);
        var r = Nueva(s1);
        var e = Assert.Throws<ReglaDominioException>(() => r.RegistrarSeguimiento(s1, anual, EstadoRecomendacion.NoImplementada, "  "));
        Assert.Contains("Recomendación 1", e.Message);
        Assert.Empty(r.Seguimiento);
        r.RegistrarSeguimiento(s1, anual, EstadoRecomendacion.NoImplementada, "Sin presupuesto asignado");
        Assert.Equal("Sin presupuesto asignado", r.Seguimiento[0].Comentario);
    }

    [Fact]
    public void EstadoAl_TomaElUltimoSeguimientoHastaEsaEvaluacion()
    {
        var s1 = Eval(1, 2024, Periodo.Semestre(1));
        var s2 = Eval(2, 2024, Periodo.Semestre(2));
        var anual = Eval(3, 2024, Periodo.Anual);
        var s1Siguiente = Eval(4, 2025, Periodo.Semestre(1));
        var orden = new[] { s1, s2, anual, s1Siguiente }.ToDictionary(e => e.Id, e => e.Orden);
        var r = Nueva(s1);
        // Recorded out of order: the status "as of" an evaluation depends on the evaluations' order, not on the recording order.
        r.RegistrarSeguimiento(s1, s1Siguiente, EstadoRecomendacion.Implementada, null);
        r.RegistrarSeguimiento(s1, s2, EstadoRecomendacion.EnProceso, null);

        Assert.Equal(EstadoRecomendacion.Pendiente, r.EstadoAl(s1.Orden, orden));
        Assert.Equal(EstadoRecomendacion.EnProceso, r.EstadoAl(s2.Orden, orden));
        Assert.Equal(EstadoRecomendacion.EnProceso, r.EstadoAl(anual.Orden, orden));
        Assert.Equal(EstadoRecomendacion.Implementada, r.EstadoAl(s1Siguiente.Orden, orden));
    }

    [Theory]
    [InlineData(EstadoRecomendacion.Pendiente, "2024-11-01", true)]
    [InlineData(EstadoRecomendacion.EnProceso, "2024-11-01", true)]
    [InlineData(EstadoRecomendacion.Pendiente, "2024-10-31", false)]
    [InlineData(EstadoRecomendacion.Implementada, "2025-01-01", false)]
    [InlineData(EstadoRecomendacion.NoImplementada, "2025-01-01", false)]
    public void Vencida_PlazoPasadoSinCerrar(EstadoRecomendacion estado, string hoy, bool vencida) =>
        Assert.Equal(vencida, Recomendacion.Vencida(Plazo, estado, DateOnly.Parse(hoy, System.Globalization.CultureInfo.InvariantCulture)));
}
