using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotline.IntegrationTests.Fuzz;

/// <summary>Keeps the exceptions the API logs at Error level, so a 500 can be reported with its exception.</summary>
internal sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>What was logged since the last call.</summary>
    public string Drain()
    {
        var lines = new List<string>();
        while (_errors.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        return string.Join(" | ", lines);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrorLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                var site = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Hotline.", StringComparison.Ordinal))?.Trim();
                log._errors.Enqueue($"{exception.GetType().Name}: {FirstLine(exception.Message)} {site}");
            }
        }

        private static string FirstLine(string text) => text.Split('\n')[0].Trim();
    }
}
