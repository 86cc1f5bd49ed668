using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KerasLint.Package.Tests;

/// <summary>
/// A minimal Language Server Protocol client over stdio, as an editor is: it starts a server process, frames JSON-RPC
/// messages with Content-Length headers, answers the server's own requests (<c>workspace/configuration</c> with the
/// settings given, anything else with null), keeps the diagnostics the server pushes, and pulls them
/// (<c>textDocument/diagnostic</c>) when the server offers a diagnostic provider.
/// </summary>
internal sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentDictionary<string, JsonArray> _pushed = new();
    private readonly Func<string, JsonNode?> _configuration;
    private readonly StringBuilder _stderr = new();
    private readonly object _writeLock = new();
    private int _nextId;

    private LspClient(Process process, Func<string, JsonNode?> configuration)
    {
        _process = process;
        _configuration = configuration;
        _input = process.StandardInput.BaseStream;
        _ = Task.Run(ReadLoop);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (_stderr)
            {
                // The tail is enough to explain a failure; a chatty server must not grow the test's memory.
                if (_stderr.Length > 200_000) _stderr.Remove(0, 100_000);
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Whether the server announced a pull-diagnostics provider in its initialize result.</summary>
    public bool PullsDiagnostics { get; private set; }

    /// <summary>The server's standard error so far (its log), for failure messages.</summary>
    public string ServerLog
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>Starts <paramref name="fileName"/> <paramref name="arguments"/> in <paramref name="workingDirectory"/> as the server.</summary>
    public static LspClient Start(string fileName, IEnumerable<string> arguments, string workingDirectory, Func<string, JsonNode?> configuration)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        foreach (var key in psi.Environment.Keys.ToArray())
        {
            // The test host's MSBuild/VSTest variables would steer the server's own MSBuild project loading.
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)) psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return new LspClient(Process.Start(psi)!, configuration);
    }

    /// <summary>initialize (with a workspace folder) and initialized.</summary>
    public async Task InitializeAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        var root = new Uri(rootDirectory).AbsoluteUri;
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = Path.GetFileName(rootDirectory) }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["publishDiagnostics"] = new JsonObject(),
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["synchronization"] = new JsonObject { ["didSave"] = true },
                },
            },
        }, cancellationToken);
        PullsDiagnostics = result?["capabilities"]?["diagnosticProvider"] != null;
        Notify("initialized", new JsonObject());
    }

    public void DidOpen(string uri, string text) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
    });

    /// <summary>Replaces the whole text of an open document (a content change without a range), as after typing.</summary>
    public void DidChange(string uri, int version, string text) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });

    /// <summary>
    /// The document's current diagnostics: pulled from the server when it offers pull diagnostics, else the last
    /// ones it pushed (an empty array before any).
    /// </summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, CancellationToken cancellationToken)
    {
        if (PullsDiagnostics)
        {
            var report = await RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, cancellationToken);
            if (report?["items"] is JsonArray items) return items;
        }

        return _pushed.TryGetValue(uri, out var pushed) ? pushed : new JsonArray();
    }

    /// <summary>The diagnostics last pushed for <paramref name="uri"/>, or null when the server pushed none.</summary>
    public JsonArray? Pushed(string uri) => _pushed.TryGetValue(uri, out var pushed) ? pushed : null;

    public async Task<JsonNode?> RequestAsync(string method, JsonNode parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        using (cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken)))
        {
            return await completion.Task.ConfigureAwait(false);
        }
    }

    public void Notify(string method, JsonNode parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Send(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeLock)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private async Task ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = await ReadHeaders(output).ConfigureAwait(false);
                if (length < 0) break;
                var body = new byte[length];
                await output.ReadExactlyAsync(body).ConfigureAwait(false);
                Dispatch(JsonNode.Parse(body)!);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or EndOfStreamException)
        {
            // The server went away; pending requests fail below.
        }

        foreach (var pending in _pending.Values) pending.TrySetException(new IOException("The language server closed its output.\n" + ServerLog));
    }

    /// <summary>Reads one message's headers; the Content-Length, or -1 at the end of the stream.</summary>
    private static async Task<int> ReadHeaders(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0) return -1;
            if (one[0] == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    if (length >= 0) return length;
                    continue;
                }

                var colon = text.IndexOf(':');
                if (colon > 0 && text.Substring(0, colon).Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(text.Substring(colon + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            else
            {
                line.Append((char)one[0]);
            }
        }
    }

    private void Dispatch(JsonNode message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method != null && id != null)
        {
            // A request from the server.
            JsonNode? result = null;
            if (method == "workspace/configuration" && message["params"]?["items"] is JsonArray items)
            {
                var answers = new JsonArray();
                foreach (var item in items) answers.Add(_configuration(item?["section"]?.GetValue<string>() ?? ""));
                result = answers;
            }

            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            return;
        }

        if (method == "textDocument/publishDiagnostics")
        {
            var uri = message["params"]?["uri"]?.GetValue<string>();
            if (uri != null && message["params"]?["diagnostics"] is JsonArray diagnostics) _pushed[uri] = (JsonArray)diagnostics.DeepClone();
            return;
        }

        if (method == null && id != null && _pending.TryRemove(id.GetValue<int>(), out var pending))
        {
            if (message["error"] is { } error) pending.TrySetException(new InvalidOperationException("LSP error: " + error.ToJsonString()));
            else pending.TrySetResult(message["result"]?.DeepClone());
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    RequestAsync("shutdown", new JsonObject(), shutdown.Token).Wait(TimeSpan.FromSeconds(10));
                    Notify("exit", new JsonObject());
                }
                catch (Exception e) when (e is AggregateException or IOException or OperationCanceledException)
                {
                    // Killed below.
                }

                if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
