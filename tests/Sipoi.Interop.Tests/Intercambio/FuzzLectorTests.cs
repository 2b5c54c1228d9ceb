using System.Diagnostics;
using Sipoi.Interop.Intercambio;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>
/// Seeded mutation fuzzing of the exchange reader (issue 11, item 10): whatever the file, <see cref="LectorIntercambio"/>
/// never throws; it returns a document or Spanish errors. Bounded by iterations and by time (a few seconds).
/// </summary>
public class FuzzLectorTests
{
    private const int Iteraciones = 3000;
    private static readonly TimeSpan Tope = TimeSpan.FromSeconds(4);

    [Fact]
    public void ArchivosMutados_NuncaLanzan_YCadaRechazoTraeMensajes()
    {
        var semilla = MutadorIntercambio.Semilla();
        var mutador = new MutadorIntercambio(semilla);
        var json = EscritorIntercambio.EscribirTexto(Muestra.Documento());
        var reloj = Stopwatch.StartNew();
        int i = 0, rechazados = 0;
        for (; i < Iteraciones && (i < 50 || reloj.Elapsed < Tope); i++)
        {
            var (archivo, descripcion) = mutador.Mutar(json);
            ResultadoLectura r;
            try
            {
                r = LectorIntercambio.Leer(archivo);
            }
            catch (Exception e)
            {
                Assert.Fail($"Semilla {semilla}, iteración {i} ({descripcion}): excepción no controlada {e}");
                return;
            }
            if (r.EsValido) continue;
            rechazados++;
            Assert.True(r.Errores.Count > 0, $"Semilla {semilla}, iteración {i} ({descripcion}): rechazo sin mensajes");
            Assert.All(r.Errores, e => Assert.False(string.IsNullOrWhiteSpace(e.Mensaje), $"Semilla {semilla}, iteración {i} ({descripcion}): mensaje vacío"));
            Assert.All(r.Errores, e => Assert.DoesNotContain("Exception", e.Mensaje, StringComparison.Ordinal));
        }
        // The mutations must mostly break the file, or the fuzzer tests nothing.
        Assert.True(rechazados > i / 3, $"Semilla {semilla}: solo {rechazados} de {i} archivos mutados fueron rechazados");
    }
}
