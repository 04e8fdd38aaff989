namespace Hotline.Domain.Tickets;

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

        // Mobiles (11 digits) keep 3 + 4, landlines (8) keep 3 + 4 as well; short numbers keep only their
        // last two, so at least one digit is always hidden.
        var keepEnd = phone.Length >= 8 ? 4 : 2;
        var keepStart = phone.Length >= 8 ? Math.Min(3, phone.Length - keepEnd - 1) : 0;
        return string.Concat(phone.AsSpan(0, keepStart), new string('*', phone.Length - keepStart - keepEnd), phone.AsSpan(phone.Length - keepEnd));
    }
}
