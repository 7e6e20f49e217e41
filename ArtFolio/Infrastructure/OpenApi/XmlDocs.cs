using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// The summaries of the app's XML documentation file (built beside the assembly), as plain text for
/// the OpenAPI document: one source for what a property means, read by the code's reader and the
/// API's. A property without its own summary takes the one of the interface it implements (the page
/// parameters) or, in a positional record, its <c>&lt;param&gt;</c>.
/// </summary>
internal static partial class XmlDocs
{
    private static readonly Lazy<IReadOnlyDictionary<string, XElement>> Members = new(Load);

    public static string? Summary(MemberInfo member)
    {
        if (Text(Members.Value.GetValueOrDefault(MemberId(member))?.Element("summary")) is { } own)
            return own;
        if (member is not PropertyInfo property || property.DeclaringType is not { } type)
            return null;
        foreach (var contract in type.GetInterfaces())
            if (contract.GetProperty(property.Name) is { } declared && Summary(declared) is { } inherited)
                return inherited;
        var parameter = Members
            .Value.GetValueOrDefault(MemberId(type))
            ?.Elements("param")
            .FirstOrDefault(p => (string?)p.Attribute("name") == property.Name);
        return Text(parameter);
    }

    private static IReadOnlyDictionary<string, XElement> Load()
    {
        var path = Path.ChangeExtension(typeof(XmlDocs).Assembly.Location, ".xml");
        if (!File.Exists(path))
            return new Dictionary<string, XElement>();
        return XDocument
            .Load(path)
            .Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => g.First());
    }

    private static string MemberId(MemberInfo member) =>
        member switch
        {
            Type type => $"T:{Name(type)}",
            PropertyInfo property => $"P:{Name(property.DeclaringType!)}.{property.Name}",
            _ => $"{member.MemberType}:{member.Name}",
        };

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    /// <summary>Markup to text: <c>&lt;c&gt;x&lt;/c&gt;</c> as <c>`x`</c>, a cref as its last name, whitespace folded.</summary>
    private static string? Text(XElement? element)
    {
        if (element is null)
            return null;
        var text = string.Concat(
            element
                .Nodes()
                .Select(node =>
                    node switch
                    {
                        XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
                        XElement { Name.LocalName: "see" or "paramref" } reference => reference.Value
                            is { Length: > 0 } v
                            ? v
                            : ((string?)reference.Attribute("cref") ?? (string?)reference.Attribute("name") ?? "")
                                .Split('.')
                                .Last(),
                        XElement other => other.Value,
                        _ => node.ToString(),
                    }
                )
        );
        text = Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
        return text.Length > 0 ? text : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
