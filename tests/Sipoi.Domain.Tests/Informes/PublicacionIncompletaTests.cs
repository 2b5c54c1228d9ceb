using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Informes;

public sealed class PublicacionIncompletaTests
{
    private static readonly CentroEsperado[] Centros = [new("01.01", "Gerencia General"), new("01.02", "Planeamiento")];

    private static Completitud AnualConDiciembrePendiente() =>
        Completitud.Calcular(Periodo.Anual, Centros,
            Centros.SelectMany(c => Enumerable.Range(1, 11).Select(m => new EstadoMesCentro(c.Codigo, m, EstadoSeguimiento.Aprobado))), false);

    [Fact]
    public void EvaluacionPoi_IncompletaSinConfirmar_SeRechazaConLoQueFalta()
    {
        var e = new EvaluacionPoi(1, 2024, Periodo.Anual);

        var x = Rechazo.Con(() => e.VerificarCompletitudParaPublicar(AnualConDiciembrePendiente(), false, "cierre"),
            "La evaluación Anual 2024 está incompleta. Faltan 2 de 24 meses-centro por aprobar: diciembre (2 centros). " +
            "Para publicarla así, confirme que publica un periodo incompleto e indique el motivo.");
        Assert.Equal("ConfirmarIncompleta", x.Campo);
        Assert.Null(e.MesesCentroSinAprobar);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void EvaluacionPoi_IncompletaConfirmadaSinMotivo_SeRechaza(string? motivo)
    {
        var e = new EvaluacionPoi(1, 2024, Periodo.Anual);

        var x = Rechazo.Con(() => e.VerificarCompletitudParaPublicar(AnualConDiciembrePendiente(), true, motivo), "indique el motivo");
        Assert.Equal("MotivoIncompleta", x.Campo);
    }

    [Fact]
    public void EvaluacionPoi_IncompletaConfirmadaConMotivo_GuardaCuantosFaltanYElMotivo()
    {
        var e = new EvaluacionPoi(1, 2024, Periodo.Anual);

        e.VerificarCompletitudParaPublicar(AnualConDiciembrePendiente(), true, "  Plazo legal de remisión al MEF  ");

        Assert.Equal(2, e.MesesCentroSinAprobar);
        Assert.Equal("Plazo legal de remisión al MEF", e.MotivoPublicacionIncompleta);
        Assert.Equal("Publicada con 2 meses-centro sin aprobar: Plazo legal de remisión al MEF", e.NotaPublicacionIncompleta);
    }

    [Fact]
    public void EvaluacionPoi_MotivoDemasiadoLargo_SeRechaza()
    {
        var e = new EvaluacionPoi(1, 2024, Periodo.Anual);

        Rechazo.Con(() => e.VerificarCompletitudParaPublicar(AnualConDiciembrePendiente(), true, new string('x', 501)),
            "El motivo admite hasta 500 caracteres.");
    }

    [Fact]
    public void EvaluacionPoi_Completa_NoPideConfirmacionNiGuardaMotivo()
    {
        var e = new EvaluacionPoi(1, 2024, Periodo.Semestre(1));
        var completa = Completitud.Calcular(Periodo.Semestre(1), Centros,
            Centros.SelectMany(c => Enumerable.Range(1, 6).Select(m => new EstadoMesCentro(c.Codigo, m, EstadoSeguimiento.Aprobado))), false);

        e.VerificarCompletitudParaPublicar(completa, false, "no hace falta");

        Assert.Null(e.MesesCentroSinAprobar);
        Assert.Null(e.MotivoPublicacionIncompleta);
        Assert.Null(e.NotaPublicacionIncompleta);
    }
}
