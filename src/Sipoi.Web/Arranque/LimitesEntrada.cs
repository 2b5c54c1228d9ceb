using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sipoi.Web.Presentacion;

namespace Sipoi.Web.Arranque;

/// <summary>
/// Bounded requests, before any handler sees them: a body larger than the endpoint allows gets 413; a NUL or other
/// control character in the address, the query string or a JSON text, and a NUL in a form field, gets 400 naming the field
/// (PostgreSQL refuses NUL in text, which used to end in a 500); an over-long query value gets 400. The messages
/// are Spanish: a page (the error page) for the browser, {"mensaje": …} for /api. Domain rules (a name's
/// maximum length, what a code looks like) stay in the domain; this is only the gate every request passes.
/// </summary>
public static class LimitesEntrada
{
    public const string Seccion = "Sipoi:LimiteSolicitud";
    /// <summary>Ordinary forms and API bodies: 1 MB. Upload pages raise it with [RequestSizeLimit] (Excel import, evidence).</summary>
    public const long LimitePorDefecto = 1024 * 1024;
    /// <summary>A filter or a code in the query string: longer than this is not a filter.</summary>
    public const int LargoConsulta = 200;
    /// <summary>The log-in's ReturnUrl (the cookie handler's parameter, on every page that asks to sign in) is a whole local URL.</summary>
    public const int LargoUrlRetorno = 2048;
    /// <summary>A route value (entity code, activity code, file name): the same bound.</summary>
    public const int LargoRuta = 200;

    /// <summary>HttpContext.Items key of the message the error page shows for 400 and 413.</summary>
    public const string ClaveMensaje = "sipoi:mensaje-error";

    public static long Limite(IConfiguration configuration) => configuration.GetValue<long?>(Seccion) ?? LimitePorDefecto;

    public static WebApplicationBuilder AddSipoiLimitesEntrada(this WebApplicationBuilder builder)
    {
        var limite = Limite(builder.Configuration);
        if (limite <= 0) throw new InvalidOperationException($"{Seccion} debe ser positivo (bytes).");
        // The server's own cap, for bodies without Content-Length (chunked): reading past it fails with 413.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = limite);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limite;
            o.ValueLengthLimit = (int)Math.Min(limite, int.MaxValue);
        });
        return builder;
    }

    /// <summary>Right after routing (the endpoint's own limit is known), before authentication: a body too large is refused unread.</summary>
    public static WebApplication UseSipoiLimiteCuerpo(this WebApplication app)
    {
        var porDefecto = Limite(app.Configuration);
        app.Use(async (c, siguiente) =>
        {
            if (ReEjecutada(c))
            {
                await siguiente(c);
                return;
            }
            var limite = c.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } m ? m.MaxRequestBodySize : porDefecto;
            if (c.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } f) f.MaxRequestBodySize = limite;
            if (limite is { } l && c.Request.ContentLength > l)
            {
                await RechazarAsync(c, StatusCodes.Status413PayloadTooLarge, MensajeTamano(c.Request.ContentLength.Value, l));
                return;
            }
            try
            {
                await siguiente(c);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !c.Response.HasStarted)
            {
                // A chunked body that went past the limit while a handler read it.
                await RechazarAsync(c, e.StatusCode, MensajeTamano(null, limite ?? 0));
            }
        });
        return app;
    }

    /// <summary>After authorization (a request nobody may make is refused before its body is parsed).</summary>
    public static WebApplication UseSipoiTextoSeguro(this WebApplication app)
    {
        app.Use(async (c, siguiente) =>
        {
            if (ReEjecutada(c) || await ProblemaAsync(c) is not { } problema)
            {
                await siguiente(c);
                return;
            }
            await RechazarAsync(c, problema.Estado, problema.Mensaje);
        });
        return app;
    }

    private sealed record Problema(int Estado, string Mensaje);

    private static async Task<Problema?> ProblemaAsync(HttpContext c)
    {
        var path = c.Request.Path.Value ?? "";
        if (PrimerControl(path, permitirSaltos: false) is { } p0)
            return new(400, $"La dirección contiene un carácter de control ({Describir(p0)}) en la posición {path.IndexOf(p0) + 1}; corríjala.");
        foreach (var (nombre, valor) in c.Request.RouteValues)
        {
            if (valor is not string s) continue;
            if (PrimerControl(s, false) is { } pr) return new(400, $"El valor «{nombre}» de la dirección contiene un carácter de control ({Describir(pr)}).");
            if (s.Length > LargoRuta)
                return new(400, $"El valor «{nombre}» de la dirección es demasiado largo: {s.Length.ToString("#,0", Formato.Cultura)} caracteres; el máximo es {LargoRuta}.");
        }
        var largos = c.GetEndpoint()?.Metadata.GetOrderedMetadata<ParametroLargoAttribute>() ?? [];
        foreach (var (nombre, valores) in c.Request.Query)
        {
            if (PrimerControl(nombre, false) is not null || nombre.Length > LargoConsulta)
                return new(400, "La dirección tiene un parámetro con un nombre no válido (caracteres de control o demasiado largo).");
            var maximo = largos.FirstOrDefault(l => string.Equals(l.Nombre, nombre, StringComparison.OrdinalIgnoreCase))?.LargoMaximo
                ?? (string.Equals(nombre, "ReturnUrl", StringComparison.OrdinalIgnoreCase) ? LargoUrlRetorno : LargoConsulta);
            foreach (var v in valores)
            {
                if (v is null) continue;
                if (PrimerControl(v, false) is { } pq)
                    return new(400, $"El parámetro «{nombre}» contiene un carácter de control ({Describir(pq)}); quítelo e intente de nuevo.");
                if (v.Length > maximo)
                    return new(400, $"El parámetro «{nombre}» es demasiado largo: {v.Length.ToString("#,0", Formato.Cultura)} caracteres; el máximo es {maximo}.");
            }
        }
        if (c.Request.HasFormContentType) return await FormularioAsync(c);
        if (c.Request.HasJsonContentType()) return await JsonAsync(c);
        return null;
    }

    private static async Task<Problema?> FormularioAsync(HttpContext c)
    {
        AjustarFormulario(c);
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> campos;
        IFormFileCollection archivos = new FormFileCollection();
        try
        {
            if (c.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                // Read here and parsed as text: the framework's form reader refuses a NUL with a message that names no field.
                // The body stays buffered for the page, which reads it again.
                c.Request.EnableBuffering();
                using var lector = new StreamReader(c.Request.Body, leaveOpen: true);
                campos = QueryHelpers.ParseQuery(await lector.ReadToEndAsync(c.RequestAborted));
                c.Request.Body.Position = 0;
            }
            else
            {
                var form = await c.Request.ReadFormAsync(c.RequestAborted);
                campos = form;
                archivos = form.Files;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(413, MensajeTamano(null, c.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0));
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // FormOptions' limits (a value over the size limit, too many fields, a multipart part too large).
            return new(413, "El formulario es demasiado grande: demasiados campos o un campo o archivo más largo de lo permitido en esta página.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A multipart field the framework's reader refuses (a NUL, a broken section).
            return new(400, "El formulario contiene caracteres no permitidos o llegó mal formado; revise lo escrito y envíelo de nuevo.");
        }
        foreach (var (nombre, valores) in campos)
        {
            if (PrimerControl(nombre, false) is not null) return new(400, "El formulario tiene un campo con un nombre no válido (caracteres de control).");
            // Only NUL here, which no PostgreSQL text holds (a 500 on any handler that stores or filters by it). Other
            // control characters reach the page, whose domain rule (LimitesTexto) refuses them next to the field's label
            // and keeps what the person typed, which an error page cannot.
            foreach (var v in valores)
                if (v is not null && v.Contains('\0'))
                    return new(400, $"El campo «{nombre}» contiene un carácter de control ({Describir('\0')}); quítelo e intente de nuevo. Se permiten tabuladores y saltos de línea.");
        }
        foreach (var archivo in archivos)
            if (PrimerControl(archivo.FileName, false) is { } p)
                return new(400, $"El nombre del archivo del campo «{archivo.Name}» contiene un carácter de control ({Describir(p)}); cámbielo e intente de nuevo.");
        return null;
    }

    /// <summary>
    /// An endpoint that accepts a larger body ([RequestSizeLimit] on an upload page) accepts a form that large too:
    /// one knob per endpoint.
    /// </summary>
    private static void AjustarFormulario(HttpContext c)
    {
        var metadatos = c.GetEndpoint()?.Metadata;
        if (metadatos?.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is not { } limite) return;
        if (c.Features.Get<IFormFeature>()?.Form is not null) return;
        var o = c.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
        if (limite <= o.MultipartBodyLengthLimit) return;
        c.Features.Set<IFormFeature>(new FormFeature(c.Request, new FormOptions
        {
            BufferBody = o.BufferBody,
            MemoryBufferThreshold = o.MemoryBufferThreshold,
            BufferBodyLengthLimit = Math.Max(o.BufferBodyLengthLimit, limite),
            ValueCountLimit = o.ValueCountLimit,
            KeyLengthLimit = o.KeyLengthLimit,
            ValueLengthLimit = (int)Math.Min(limite, int.MaxValue),
            MultipartBoundaryLengthLimit = o.MultipartBoundaryLengthLimit,
            MultipartHeadersCountLimit = o.MultipartHeadersCountLimit,
            MultipartHeadersLengthLimit = o.MultipartHeadersLengthLimit,
            MultipartBodyLengthLimit = limite,
        }));
    }

    /// <summary>
    /// Reads the JSON body once (it stays buffered for the handler) and checks every string and property name.
    /// Malformed JSON is left to the handler, which answers its own 400.
    /// </summary>
    private static async Task<Problema?> JsonAsync(HttpContext c)
    {
        c.Request.EnableBuffering();
        byte[] cuerpo;
        try
        {
            using var ms = new MemoryStream();
            await c.Request.Body.CopyToAsync(ms, c.RequestAborted);
            cuerpo = ms.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(413, MensajeTamano(null, c.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0));
        }
        c.Request.Body.Position = 0;
        return RevisarJson(cuerpo) is { } m ? new(400, m) : null;
    }

    /// <summary>The first string in a JSON document with a control character (tabs and line breaks allowed) or a broken surrogate, named by its JSON path.</summary>
    public static string? RevisarJson(ReadOnlySpan<byte> json)
    {
        var lector = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        // Each open container: its path, and for arrays the index of the next element.
        var pila = new Stack<(string Ruta, int Indice, bool EsArreglo)>();
        string? propiedad = null;
        string RutaActual()
        {
            if (pila.Count == 0) return "$";
            var (ruta, indice, esArreglo) = pila.Peek();
            return esArreglo ? $"{ruta}[{indice}]" : (ruta.Length == 0 ? propiedad ?? "" : $"{ruta}.{propiedad}");
        }
        string Contenedor() => pila.Count == 0 || pila.Peek().Ruta.Length == 0 ? "$" : pila.Peek().Ruta;
        void Avanzar()
        {
            if (pila.Count > 0 && pila.Peek().EsArreglo)
            {
                var (r, i, a) = pila.Pop();
                pila.Push((r, i + 1, a));
            }
        }
        try
        {
            while (lector.Read())
            {
                switch (lector.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var ruta = pila.Count == 0 ? "" : RutaActual();
                        pila.Push((ruta, 0, lector.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        pila.Pop();
                        Avanzar();
                        break;
                    case JsonTokenType.PropertyName:
                        if (Texto(ref lector) is not { } nombre) return $"Un nombre de propiedad dentro de «{Contenedor()}» no es texto Unicode válido.";
                        propiedad = nombre;
                        if (PrimerControl(nombre, false) is not null) return $"Un nombre de propiedad dentro de «{Contenedor()}» contiene caracteres de control.";
                        break;
                    case JsonTokenType.String:
                        var donde = pila.Count == 0 ? "$" : RutaActual();
                        if (Texto(ref lector) is not { } valor)
                            return $"El texto en «{donde}» no es Unicode válido (un sustituto UTF-16 suelto, como \\ud800).";
                        if (PrimerControl(valor, permitirSaltos: true) is { } p)
                            return $"El texto en «{donde}» contiene un carácter de control ({Describir(p)}); quítelo e intente de nuevo. Se permiten tabuladores y saltos de línea.";
                        Avanzar();
                        break;
                    default:
                        Avanzar();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static string? Texto(ref Utf8JsonReader lector)
    {
        try { return lector.GetString(); }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>The first C0 control character or DEL; with <paramref name="permitirSaltos"/>, tab, CR and LF are text.</summary>
    public static char? PrimerControl(string texto, bool permitirSaltos)
    {
        foreach (var ch in texto)
        {
            if (ch >= ' ' && ch != '\u007f') continue;
            if (permitirSaltos && ch is '\t' or '\r' or '\n') continue;
            return ch;
        }
        return null;
    }

    private static string Describir(char c) => c == '\0' ? "un byte nulo, U+0000" : $"U+{(int)c:X4}";

    private static string MensajeTamano(long? recibidos, long limite)
    {
        var maximo = Megas(limite);
        return recibidos is { } r
            ? $"La solicitud pesa {Megas(r)}; el máximo para esta página es {maximo}."
            : $"La solicitud supera el máximo para esta página ({maximo}).";
    }

    private static string Megas(long bytes) =>
        bytes >= 1024 * 1024 ? $"{(bytes / 1024m / 1024m).ToString("#,0.#", Formato.Cultura)} MB" : $"{(bytes / 1024m).ToString("#,0.#", Formato.Cultura)} KB";

    private static bool ReEjecutada(HttpContext c) =>
        c.Features.Get<IStatusCodeReExecuteFeature>() is not null || c.Features.Get<IExceptionHandlerFeature>() is not null;

    /// <summary>JSON for the API; for pages, the status alone and the message in Items, so the status-code page shows it in the layout.</summary>
    private static async Task RechazarAsync(HttpContext c, int estado, string mensaje)
    {
        c.Response.StatusCode = estado;
        if (c.Request.Path.StartsWithSegments("/api"))
        {
            await c.Response.WriteAsJsonAsync(new { mensaje }, JsonSerializerOptions.Web, c.RequestAborted);
            return;
        }
        c.Items[ClaveMensaje] = mensaje;
    }
}
