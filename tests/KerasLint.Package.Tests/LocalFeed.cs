namespace KerasLint.Package.Tests;

/// <summary>A consumer's nuget.config that reads packages from one local folder only, as README tells a user to set up.</summary>
internal static class LocalFeed
{
    public static void WriteNuGetConfig(string consumerDirectory, string feed) => File.WriteAllText(Path.Combine(consumerDirectory, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
          </packageSources>
        </configuration>
        """);
}
