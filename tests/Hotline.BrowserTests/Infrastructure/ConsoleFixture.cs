using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.TestSupport;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Hotline.BrowserTests.Infrastructure.ConsoleFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Hotline.BrowserTests.Infrastructure;

/// <summary>
/// One API process (with the console) and one headless Debian Chromium for the whole run. Every test opens its
/// own browser contexts, one per signed-in user, as separate people at separate desks would.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const float Timeout = 30_000;

    private HostProcess? _api;
    private string? _dataDirectory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress => _api!.BaseAddress;

    public string ApiOutput => _api?.Output ?? string.Empty;

    /// <summary>The API's embedded data folder (the telephony simulator's development token lives there).</summary>
    public string DataDirectory => _dataDirectory!;

    /// <summary>
    /// Where page screenshots go: TestResults/screenshots, or the folder in HOTLINE_SCREENSHOTS (e.g.
    /// docs/screenshots to refresh the documentation), so a test run does not rewrite tracked files.
    /// </summary>
    public static string ScreenshotDirectory { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("HOTLINE_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine("TestResults", "screenshots"),
        RepositoryRoot.Path);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: install Debian's chromium package (apt-get install chromium fonts-noto-cjk). The browser tests never download a browser.");
        }

        Assertions.SetDefaultExpectTimeout(Timeout);
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        // Development: the console's static web assets are served from the build output.
        _dataDirectory = Directory.CreateTempSubdirectory("hotline-browser-").FullName;
        _api = await HostProcess.StartAsync("Hotline.Api", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database:DataDirectory"] = _dataDirectory,
            // The journeys here are the human callback desk's: replied orders reach its queue at once instead of
            // going through the local line's automated survey first (that loop has its own integration tests).
            ["Callbacks:Automated"] = "false",
            // 事件订阅 journeys save receivers on 127.0.0.1.
            ["Exchange:AllowPrivateTargets"] = "true",
        }, start.Token);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Only loopback resolves: the tests talk to 127.0.0.1 and nothing else.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
            Timeout = Timeout,
        });
    }

    /// <summary>A fresh browser context (its own sessionStorage) at 1366×768 in China's time zone.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return context;
    }

    /// <summary>Opens the console in a new context, signs in and waits for the live connection.</summary>
    public async Task<IPage> SignInAsync(string userName, string landingPath)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#user").FillAsync(userName);
        await page.Locator("#password").FillAsync("Demo#12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(BaseAddress, landingPath).ToString());
        await Assertions.Expect(page.GetByTestId("connection")).ToContainTextAsync("已连接");
        return page;
    }

    /// <summary>An HTTP client on the API signed in as <paramref name="userName"/>, for what another desk does meanwhile.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = await http.PostAsJsonAsync("api/auth/token", new { userName, password = "Demo#12345" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>
    /// An order registered by the agent through the API (what another desk did before the test looks), dispatched by
    /// the catalogue when <paramref name="dispatch"/>: its id and number.
    /// </summary>
    public async Task<(string Id, string Number)> RegisterOrderAsync(
        string categoryCode,
        (string District, string Street, string Address) place,
        string content,
        (string Name, string Phone) citizen,
        string type = "Complaint",
        bool dispatch = false)
    {
        using var http = await ApiClientAsync("agent");
        var created = await http.PostAsJsonAsync("api/tickets", new
        {
            channel = "Phone",
            type,
            categoryCode,
            urgency = "Normal",
            citizen = new { name = citizen.Name, phone = citizen.Phone, confidential = false },
            location = new { districtCode = place.District, streetCode = place.Street, address = place.Address },
            content,
        });
        created.EnsureSuccessStatusCode();
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = order.GetProperty("id").GetString()!;
        if (dispatch)
        {
            (await http.PostAsJsonAsync($"api/tickets/{id}/dispatch", new { })).EnsureSuccessStatusCode();
        }

        return (id, order.GetProperty("number").GetString()!);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
