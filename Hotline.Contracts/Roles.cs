namespace Hotline.Contracts;

public static class Roles
{
    public const string Agent = "Agent";
    public const string Department = "Department";
    public const string Supervisor = "Supervisor";
    public const string Callback = "Callback";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Agent, Department, Supervisor, Callback, Admin];
}
