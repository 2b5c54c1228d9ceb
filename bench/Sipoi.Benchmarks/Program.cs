namespace Sipoi.Benchmarks;

// Usage (docs/benchmarks.md):
//   Sipoi.Benchmarks generar --conexion "Host=…;Username=…;Database=…" [--entidades 3000] [--actividades 351] [--aei 34] [--oei 9] [--meses 9] [--semilla N] [--rapido]
//   Sipoi.Benchmarks medir   --conexion "…" [--repeticiones 31] [--repeticiones-b 3] [--paralelo 2] [--por-lote 25] [--rapido]
//   (every measuring verb also takes [--calentamiento-ms 2000]: minimum warm-up, which then lasts until the JIT has settled; 0 = one warm-up run)
//   Sipoi.Benchmarks todo    --conexion "…" [options of both]
//   Sipoi.Benchmarks perfil   --conexion "…" [--repeticiones 21]   (where the time of (a) goes)
//   Sipoi.Benchmarks bomba-excel   (no database: memory of the Excel reader on zip bombs, src/Sipoi.Interop/Archivos/README.md)
//   Sipoi.Benchmarks reportes --conexion "…" [--repeticiones 7] [--hasta-mes 9] [--repeticiones-pdf 3] [--entidad CODIGO]   (docs/reportes.md)
internal static class Cli
{
    // An explicit class: a top-level-statements 'Program' would clash with Sipoi.Web's in the tests.
    public static async Task<int> Main(string[] args)
    {
        var comando = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "todo";
        var opciones = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var clave = args[i][2..];
            opciones[clave] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        int Entero(string clave, int porDefecto) => opciones.TryGetValue(clave, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : porDefecto;

        if (comando == "bomba-excel") return BombaExcel.Ejecutar(Console.Out);

        var conexion = opciones.GetValueOrDefault("conexion") ?? Environment.GetEnvironmentVariable("SIPOI_BENCH_CONEXION");
        if (string.IsNullOrWhiteSpace(conexion) || comando is not ("generar" or "medir" or "todo" or "reportes" or "perfil"))
        {
            Console.Error.WriteLine("Uso: Sipoi.Benchmarks [generar|medir|todo|reportes] --conexion \"Host=…;Username=…;Database=…\" [--entidades N] [--actividades 351] [--aei 34] [--oei 9] [--meses 9] [--repeticiones 31] [--repeticiones-b 3] [--paralelo 2] [--por-lote 25] [--calentamiento-ms 2000] [--rapido]");
            return 1;
        }
        var rapido = opciones.ContainsKey("rapido");
        var prefijo = opciones.GetValueOrDefault("prefijo") ?? "BENCH";
        var anio = Entero("anio", 2024);
        Cronometro.CalentamientoPorDefecto = Calentamiento.Con(TimeSpan.FromMilliseconds(Entero("calentamiento-ms", 2000)));

        if (comando == "reportes")
        {
            var r = new OpcionesReportes(anio, prefijo,
                Repeticiones: Entero("repeticiones", rapido ? 3 : 7),
                HastaMes: Entero("hasta-mes", 9),
                RepeticionesPdf: Entero("repeticiones-pdf", rapido ? 1 : 3),
                Entidad: opciones.GetValueOrDefault("entidad"));
            return await MedicionReportes.EjecutarAsync(conexion, r, Console.Out);
        }

        if (comando is "generar" or "todo")
        {
            var g = new OpcionesGenerador(
                Entidades: Entero("entidades", rapido ? 50 : 3000),
                Actividades: Entero("actividades", 351),
                Aei: Entero("aei", 34),
                Oei: Entero("oei", 9),
                Meses: Entero("meses", 9),
                Anio: anio,
                Semilla: Entero("semilla", 20241),
                CentrosCosto: Entero("centros", 46),
                LoteEntidades: Entero("lote", 50),
                Prefijo: prefijo);
            Console.WriteLine($"Generando {g.Entidades:N0} entidades × {g.Actividades} AO ({g.Aei} AEI, {g.Oei} OEI), {g.Meses} meses registrados…");
            var r = await Generador.GenerarAsync(conexion, g, Console.WriteLine);
            Console.WriteLine($"Generadas {r.Entidades:N0} entidades, {r.Actividades:N0} actividades, {r.MetasMensuales:N0} metas y {r.AvancesMensuales:N0} avances mensuales en {r.Duracion.TotalSeconds:F1} s");
        }
        if (comando == "perfil")
            return await Perfil.EjecutarAsync(conexion, new OpcionesMedicion(anio, prefijo, RepeticionesA: Entero("repeticiones", 21)), Console.Out);
        if (comando is "medir" or "todo")
        {
            var m = new OpcionesMedicion(anio, prefijo,
                RepeticionesA: Entero("repeticiones", rapido ? 5 : 31),
                RepeticionesB: Entero("repeticiones-b", rapido ? 1 : 3),
                Paralelo: Entero("paralelo", 2),
                PorLote: Entero("por-lote", 25));
            return await Medicion.EjecutarAsync(conexion, m, Console.Out);
        }
        return 0;
    }
}
