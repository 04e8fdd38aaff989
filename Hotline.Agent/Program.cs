using Hotline.Agent;
using Hotline.Agent.Services;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// One browser tab is one user: the services live as long as the tab.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddSingleton<Session>();
builder.Services.AddSingleton<HotlineApi>();
builder.Services.AddSingleton<ReferenceData>();
builder.Services.AddSingleton<RealtimeConnection>();
builder.Services.AddSingleton<Toasts>();
builder.Services.AddSingleton<Softphone>();

var host = builder.Build();
await host.Services.GetRequiredService<Session>().RestoreAsync();
await host.RunAsync();
