using System.Globalization;
using Sipoi.Domain;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Intercambio;
using Sipoi.Interop.Reportes.Office;

namespace Sipoi.Interop.ImportacionExcel;

public static partial class LectorPoiExcel
{
    private sealed partial class Lector
    {
        /// <summary>
        /// One activity row, read in the order of its cells' dependencies: name, number and code (which find the
        /// current activity the row replaces), cost centre and AEI, months and stated totals, descriptive columns,
        /// dates. Every problem is reported at its cell; the row gives an activity only when it reported none.
        /// </summary>
        private sealed class FilaActividad(Lector lector, ContextoPoiExcel ctx, HojaLeida hoja, Columnas col, int f, FichaDto? ficha, string? centroHoja)
        {
            private readonly int _errores = lector.Errores.Count;
            private readonly string? _claveHoja = ficha?.Codigo ?? centroHoja;
            private string? _textoNombre, _nombre, _numero, _codigo, _centro, _aei, _unidad, _responsable, _grupo, _ficha;
            private ActividadDto? _actual;
            private readonly decimal[] _meses = new decimal[12];
            private bool _mesesOk = true;
            private decimal? _meta, _anual;
            private readonly decimal?[] _trimestres = new decimal?[5];
            private Comportamiento? _explicito;
            private Comportamiento _comportamiento;
            private int? _inicio, _fin;

            public ActividadDto? Leer(IReadOnlyList<string> aeisDeclaradas, string? grupo, bool hayGrupos)
            {
                LeerNombre();
                LeerNumero();
                Identificar();
                LeerFicha();
                LeerCentro();
                LeerAei(aeisDeclaradas);
                LeerMeses();
                LeerTotales();
                ElegirComportamiento();
                if (_mesesOk) ComprobarTotales();
                LeerDescripcion(grupo);
                LeerFechas();
                ComprobarCodigoUnico();
                if (lector.Errores.Count > _errores || _nombre is null || _codigo is null || _centro is null || _aei is null) return null;
                return Dto(hayGrupos);
            }

            private void Error(Columna? c, string mensaje) =>
                lector.Errores.Add(new ErrorExcel(hoja.Nombre, f, c is null ? null : Referencia.Columna(c.Numero), c?.Titulo, mensaje));

            // Every text the row gives is checked against the domain's limits (LimitesTexto) at its cell.
            private string? Revisado(string? texto, Columna? c, ClaseTexto clase)
            {
                if (texto is null) return null;
                var t = UnaLinea(texto);
                if (LimitesTexto.Problema(t, clase) is not { } problema) return t;
                Error(c, problema + ".");
                return null;
            }

            private void LeerNombre()
            {
                _textoNombre = hoja.Texto(f, col[Rol.Nombre]!.Numero);
                _nombre = Revisado(_textoNombre, col[Rol.Nombre], ClaseTexto.Nombre);
                if (_textoNombre is null) Error(col[Rol.Nombre], "falta el nombre de la actividad.");
            }

            private void LeerNumero()
            {
                if (col[Rol.Numero] is not { } cNum || hoja.Valor(f, cNum.Numero) is not { } vNum) return;
                if (vNum.Tipo == TipoValor.Numero && decimal.TryParse(vNum.Crudo, NumberStyles.Float, CultureInfo.InvariantCulture, out var dn) && dn == decimal.Truncate(dn))
                    _numero = ((long)dn).ToString("00", CultureInfo.InvariantCulture);
                else if (vNum.Tipo == TipoValor.Texto && Revisado(vNum.Crudo.Trim(), cNum, ClaseTexto.Codigo) is { Length: > 0 } tn)
                    _numero = tn.Length == 1 && char.IsDigit(tn[0]) ? "0" + tn : tn;
                else if (vNum.Tipo != TipoValor.Texto) Error(cNum, $"«{vNum.Mostrado}» no es un número de actividad.");
            }

            /// <summary>The current activity the row replaces (by its code, else by sheet and number), and the row's code.</summary>
            private void Identificar()
            {
                var codigoCelda = col[Rol.Codigo] is { } cCod ? Revisado(hoja.Texto(f, cCod.Numero), cCod, ClaseTexto.Codigo) : null;
                _actual = codigoCelda is not null
                    ? lector._porCodigo.GetValueOrDefault(codigoCelda)
                    : _numero is not null && _claveHoja is not null ? lector._porNumero.GetValueOrDefault((Clave(_claveHoja), Clave(_numero))) : null;
                if (col[Rol.Numero] is null) _numero = _actual?.Numero;
                if (codigoCelda is null && _numero is null && _textoNombre is not null && lector.Errores.Count == _errores)
                    Error(col[Rol.Numero] ?? col[Rol.Codigo], "falta el número de la actividad.");

                _codigo = codigoCelda ?? _actual?.Codigo
                          ?? (_claveHoja is not null && _numero is not null ? $"{_claveHoja.Replace(" ", "", StringComparison.Ordinal)}-{_numero}" : null);
            }

            // Ficha, cost centre and AEI: the row's own column, else the current activity, else what the sheet declares.
            private void LeerFicha()
            {
                if (col[Rol.Ficha] is { } cFic && hoja.Texto(f, cFic.Numero) is { } tFic)
                {
                    _ficha = TextoExcel.CodigoAlInicio(tFic, ctx.Fichas.Select(x => x.Codigo));
                    if (_ficha is null) Error(cFic, $"«{Recortar(tFic)}» no es una ficha de proceso de la entidad.");
                }
                else _ficha = ficha?.Codigo ?? _actual?.Ficha;
            }

            private void LeerCentro()
            {
                if (col[Rol.Centro] is { } cCen && hoja.Texto(f, cCen.Numero) is { } tCen)
                {
                    _centro = lector.Centro(tCen);
                    if (_centro is null) Error(cCen, $"«{Recortar(tCen)}» no es un centro de costo de la entidad.");
                }
                else _centro = _actual?.CentroCosto ?? centroHoja;
                if (_centro is not null && CentroCosto.MotivoSinActividadNueva(_centro, !ctx.CentrosInactivos.Contains(_centro), _actual?.CentroCosto == _centro) is { } inactivo)
                    Error(col[Rol.Centro] ?? col[Rol.Nombre], inactivo + ".");
            }

            private void LeerAei(IReadOnlyList<string> aeisDeclaradas)
            {
                if (col[Rol.Aei] is { } cAei && hoja.Texto(f, cAei.Numero) is { } tAei)
                {
                    _aei = TextoExcel.CodigoAlInicio(tAei, ctx.Aeis);
                    if (_aei is null) Error(cAei, $"«{Recortar(tAei)}» no es una AEI del PEI de la entidad.");
                }
                else if (_actual is not null) _aei = _actual.Aei;
                else if (aeisDeclaradas.Distinct(StringComparer.Ordinal).Count() == 1) _aei = aeisDeclaradas[0];
                else if (centroHoja is not null) // an unknown sheet is reported once, not on every row
                    Error(col[Rol.Aei], aeisDeclaradas.Count == 0
                        ? "no se sabe a qué AEI pertenece la actividad: la hoja no declara ninguna. Añada una columna «AEI» con el código de cada actividad."
                        : $"no se sabe a qué AEI pertenece la actividad: la hoja declara {string.Join(" y ", aeisDeclaradas.Distinct(StringComparer.Ordinal))}. " +
                          "Añada una columna «AEI» con el código de cada actividad.");
            }

            // Months, then the stated totals checked against them by the activity's behaviour.
            private void LeerMeses()
            {
                for (var m = 1; m <= 12; m++)
                {
                    var c = col.Meses[m]!;
                    var (v, e) = NumeroCelda.Leer(hoja.Valor(f, c.Numero));
                    if (e is not null)
                    {
                        Error(c, e);
                        _mesesOk = false;
                    }
                    _meses[m - 1] = v ?? 0;
                }
            }

            private void LeerTotales()
            {
                _meta = Declarado(col[Rol.Meta]);
                _anual = Declarado(col[Rol.Anual]);
                for (var t = 1; t <= 4; t++)
                    if (col.Trimestres[t] is { } c) _trimestres[t] = Declarado(c);
            }

            private decimal? Declarado(Columna? c)
            {
                if (c is null) return null;
                var (v, e) = NumeroCelda.Leer(hoja.Valor(f, c.Numero));
                if (e is not null) Error(c, e);
                return v;
            }

            private void ElegirComportamiento()
            {
                if (col[Rol.Comportamiento] is { } cCom && hoja.Texto(f, cCom.Numero) is { } tCom)
                {
                    _explicito = LeerComportamiento(tCom);
                    if (_explicito is null) Error(cCom, $"«{Recortar(tCom)}» no es un comportamiento: use suma, promedio, último o máximo.");
                }
                else _explicito = _actual?.Comportamiento;
                var declarados = new[] { _meta, _anual }.OfType<decimal>().ToList();
                _comportamiento = _explicito
                                  ?? OrdenInferencia.FirstOrDefault(c => declarados.All(d => Coincide(c, _meses, d)), Comportamiento.Suma);
            }

            private void ComprobarTotales()
            {
                foreach (var (rol, valor) in new[] { (Rol.Meta, _meta), (Rol.Anual, _anual) })
                {
                    if (valor is not { } v || Coincide(_comportamiento, _meses, v)) continue;
                    var mensaje = ProgramacionActividad.VerificarMetaAnual(_comportamiento, _meses, v)!;
                    Error(col[rol], _explicito is null
                        ? mensaje + " Tampoco es su promedio, su último valor ni su máximo; corrija los meses o el total."
                        : mensaje);
                }
                for (var t = 1; t <= 4; t++)
                {
                    if (_trimestres[t] is not { } q) continue;
                    var calculado = Agregacion.Programado(_comportamiento, _meses, Periodo.Trimestre(t));
                    if (Math.Abs(calculado - q) > Tolerancia)
                        Error(col.Trimestres[t], $"el subtotal {Numero(q)} no coincide con los meses del trimestre " +
                                                 $"({_comportamiento.Nombre().ToLowerInvariant()} = {Numero(calculado)}).");
                }
            }

            private void LeerDescripcion(string? grupo)
            {
                _unidad = col[Rol.Unidad] is { } cUni ? Revisado(Texto(hoja, f, cUni, null), cUni, ClaseTexto.Nombre) : _actual?.UnidadMedida;
                _responsable = col[Rol.Responsable] is { } cRes ? Revisado(Texto(hoja, f, cRes, null), cRes, ClaseTexto.Nombre) : _actual?.Responsable;
                // A "Grupo" column (the matrix SIPOI writes) says each row's group, blank = none; else the heading rows above.
                _grupo = col[Rol.Grupo] is { } cGru ? Revisado(hoja.Texto(f, cGru.Numero), cGru, ClaseTexto.Nombre)
                    : grupo is not null ? Revisado(grupo, col[Rol.Nombre], ClaseTexto.Nombre) : null;
            }

            private void LeerFechas()
            {
                (_inicio, _fin) = (Mes(hoja, f, col[Rol.Inicio], _actual?.MesInicio, Error), Mes(hoja, f, col[Rol.Fin], _actual?.MesFin, Error));
                if (ActividadOperativa.VerificarMeses(_inicio, _fin) is { } desorden) Error(col[Rol.Fin], desorden + ".");
            }

            private void ComprobarCodigoUnico()
            {
                if (_codigo is null) return;
                if (lector._codigos.TryGetValue(_codigo, out var previa))
                    Error(col[Rol.Codigo] ?? col[Rol.Numero], previa.Hoja == hoja.Nombre
                        ? $"el código {_codigo} se repite: ya está en la fila {previa.Fila}."
                        : $"el código {_codigo} se repite: ya está en la hoja '{previa.Hoja}', fila {previa.Fila}.");
                else lector._codigos[_codigo] = (hoja.Nombre, f);
            }

            private ActividadDto Dto(bool hayGrupos) => new()
            {
                Codigo = _codigo!,
                Tipo = _actual?.Tipo ?? TipoActividad.AO,
                Nombre = _nombre!,
                CentroCosto = _centro!,
                Aei = _aei!,
                Ficha = _ficha,
                UnidadMedida = _unidad,
                Comportamiento = _comportamiento,
                Peso = _actual?.Peso ?? 1,
                Programado = _meses,
                // A workbook carries targets only: the replaced POI's progress does not survive (README.md).
                Ejecutado = new decimal?[12],
                FinancieroProgramado = _actual?.FinancieroProgramado ?? new decimal[12],
                FinancieroEjecutado = new decimal?[12],
                Responsable = _responsable,
                MesInicio = _inicio,
                MesFin = _fin,
                CategoriaPresupuestal = _actual?.CategoriaPresupuestal,
                Producto = _actual?.Producto,
                ActividadPresupuestal = _actual?.ActividadPresupuestal,
                Cui = _actual?.Cui,
                Prioridad = _actual?.Prioridad,
                Numero = _numero,
                Grupo = hayGrupos || col[Rol.Grupo] is not null ? _grupo : _actual?.Grupo,
                MetaAnual = _meta ?? _anual ?? Agregacion.Programado(_comportamiento, _meses, Periodo.Anual),
                FinancieroPorGenerica = _actual?.FinancieroPorGenerica.Select(g => g with { Ejecutado = new decimal?[12] }).ToList() ?? [],
            };
        }
    }
}
