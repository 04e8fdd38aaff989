namespace Hotline.Core.Domain.Tickets;

/// <summary>The person behind an order. Name and phone may be withheld.</summary>
public sealed record Citizen(string? Name, string? Phone, bool Confidential)
{
    /// <summary>138****0000: what a department sees unless it asks to call.</summary>
    public static string? Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }

        if (phone.Length <= 4)
        {
            return new string('*', phone.Length);
        }

        var keepStart = phone.Length >= 11 ? 3 : Math.Min(3, phone.Length - 4);
        return string.Concat(phone.AsSpan(0, keepStart), new string('*', phone.Length - keepStart - 4), phone.AsSpan(phone.Length - 4));
    }
}
