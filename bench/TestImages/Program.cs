// Photo-like pictures for the upload benchmark: smooth Perlin-noise colour fields with fine grain,
// which compress like photographs (a flat colour would flatter every encoder).
//   dotnet run --project bench/TestImages -- OUT.jpg 4000 3000
using NetVips;

var (path, width, height) = (args[0], int.Parse(args[1]), int.Parse(args[2]));
using var r = Image.Perlin(width, height, cellSize: 400);
using var g = Image.Perlin(width, height, cellSize: 250);
using var b = Image.Perlin(width, height, cellSize: 600);
using var grain = Image.Gaussnoise(width, height, sigma: 12);
using var joined = r.Bandjoin(g, b);
using var scaled = joined * 110 + 128;
using var noisy = scaled + grain;
using var picture = noisy.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
picture.WriteToFile(path, path.EndsWith(".jpg") ? new VOption { { "Q", 90 } } : null);
Console.WriteLine($"{path}: {width}x{height}, {new FileInfo(path).Length / 1_000_000.0:F1} MB");
