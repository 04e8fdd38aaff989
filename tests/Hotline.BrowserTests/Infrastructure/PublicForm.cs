using Microsoft.Playwright;

namespace Hotline.BrowserTests.Infrastructure;

/// <summary>The public form (/citizen/) filled in as a citizen would: 垃圾清运 in 东城区景山街道, a new phone number each time.</summary>
internal static class PublicForm
{
    public static async Task FillAsync(IPage page, string address, string content, string name)
    {
        await page.GetByLabel("问题分类").SelectOptionAsync("cs-lj");
        await page.GetByLabel("所在区县").SelectOptionAsync(new SelectOptionValue { Label = "东城区" });
        await page.GetByLabel("街道（乡镇）").SelectOptionAsync(new SelectOptionValue { Label = "景山街道" });
        await page.GetByLabel("详细地址").FillAsync(address);
        await page.GetByLabel("诉求内容").FillAsync(content);
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("手机或电话", new() { Exact = true }).FillAsync("137" + Random.Shared.Next(10_000_000, 99_999_999));
    }
}
