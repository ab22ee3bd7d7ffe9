#!/usr/bin/env bash
# Consumer proof: brand-new test projects, as `dotnet new` makes them, install the freshly packed packages from a local
# feed and run one virtual-time test each through one attribute. Not the full matrix: every framework (xunit 2, xunit v3
# 3.x on VSTest and on Microsoft Testing Platform, xunit v3 4.x on both, NUnit, MSTest), every assertion flavour (FluentAssertions 7,
# AwesomeAssertions, plain asserts) and every target framework at least once. Also proves AET0001 reaches a project that
# has only the core package. Installs nothing: templates and packages come with the SDK and the package feed.
# Usage: .ci/consumers.sh <folder with the packed .nupkg files>
set -euo pipefail
packages=$(cd "$1" && pwd)
version=$(ls "$packages" | sed -n 's/^AsyncEnumTesting\.\([0-9][0-9.]*[0-9]\)\.nupkg$/\1/p')
[ -n "$version" ] || { echo "consumers: no AsyncEnumTesting package in $packages" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cat > "$work/nuget.config" <<EOF
<configuration>
  <packageSources>
    <add key="aet-local" value="$packages" />
  </packageSources>
</configuration>
EOF
# The same version is packed by every run: drop earlier copies of ours from the package cache so that restore takes the
# fresh ones from the feed (every other package stays cached).
cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
rm -rf "$cache"/asyncenumtesting "$cache"/asyncenumtesting.*

# new <name> <template> <tfm>: a project from the SDK's template, its sample test removed. The templates offer net10.0
# only; an older target is set in the project file, as a user would, with RollForward: only .NET 10 is installed here.
new() {
  dotnet new "$2" -o "$work/$1" -n "$1" --no-restore >/dev/null
  rm -f "$work/$1"/UnitTest1.cs "$work/$1"/Test1.cs
  if [ "$3" != net10.0 ]; then
    sed -i "s#<TargetFramework>net10.0</TargetFramework>#<TargetFramework>$3</TargetFramework>\n    <RollForward>Major</RollForward>#" "$work/$1/$1.csproj"
  fi
}
# add <name> <package> [version]: dotnet add package, as a user would.
add() { dotnet add "$work/$1" package "$2" --version "${3:-$version}" --no-restore >/dev/null; }
# run <name> <expected passed>: restore, build and test; the summary must show that many passed and none failed. Two
# projects run at once (one per core); finish waits for the rest and fails if any failed.
check() {
  local out
  if ! out=$(cd "$work/$1" && dotnet test 2>&1); then
    echo "$out" | tail -40 >&2
    echo "consumers: $1 failed" >&2
    return 1
  fi
  if ! grep -Eq "(Passed!|succeeded).*\b$2\b|total: $2, failed: 0, succeeded: $2|Passed: +$2\b" <<<"$out"; then
    echo "$out" | tail -20 >&2
    echo "consumers: $1 did not report $2 passed test(s)" >&2
    return 1
  fi
  echo "  $1: $2 passed"
}
run() {
  while [ "$(jobs -rp | wc -l)" -ge 2 ]; do
    wait -n || true
  done
  { check "$@" || touch "$work/$1.failed"; } &
}
finish() {
  wait
  if ls "$work"/*.failed >/dev/null 2>&1; then
    echo "consumers: failed: $(cd "$work" && ls *.failed | sed 's/\.failed$//' | tr '\n' ' ')" >&2
    exit 1
  fi
}
test_file() { cat > "$work/$1/VirtualTimeTests.cs"; }
# xunit_v3 <name> <tfm> <package>@<version>...: an xunit v3 test project (the v3 templates are not in the SDK: the project
# file, written out), an executable on the given test packages; RollForward for an older target, as in new().
xunit_v3() {
  local name=$1 tfm=$2 references="" package
  shift 2
  for package in "$@"; do
    references+="    <PackageReference Include=\"${package%@*}\" Version=\"${package#*@}\" />"$'\n'
  done
  mkdir -p "$work/$name"
  cat > "$work/$name/$name.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$tfm</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <OutputType>Exe</OutputType>
    <IsPackable>false</IsPackable>$([ "$tfm" = net10.0 ] || printf '\n    <RollForward>Major</RollForward>')
  </PropertyGroup>
  <ItemGroup>
$references  </ItemGroup>
  <ItemGroup>
    <Using Include="Xunit" />
  </ItemGroup>
</Project>
EOF
}
# mtp <name>: the project's own global.json opts `dotnet test` in to Microsoft Testing Platform, as a user would.
mtp() { echo '{ "test": { "runner": "Microsoft.Testing.Platform" } }' > "$work/$1/global.json"; }

echo "== Consumers (packages $version from $packages)"

# xunit 2 + FluentAssertions 7, net10.0
new XunitV2Fa xunit net10.0
add XunitV2Fa AsyncEnumTesting.Xunit
add XunitV2Fa AsyncEnumTesting.FluentAssertions
add XunitV2Fa FluentAssertions 7.2.2
test_file XunitV2Fa <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.FluentAssertions;
using AsyncEnumTesting.Xunit;
using FluentAssertions;

public sealed class VirtualTimeTests
{
    [VirtualTimeFact]
    public async Task Ticks_HourlyForThreeHours_OnVirtualTime(VirtualClock clock)
    {
        await Ticks(clock).Should(clock).YieldInOrder(1, 2, 3);
        clock.Elapsed.Should().Be(TimeSpan.FromHours(3));
    }

    private static async IAsyncEnumerable<int> Ticks(TimeProvider clock)
    {
        for (var i = 1; i <= 3; i++) { await Task.Delay(TimeSpan.FromHours(1), clock); yield return i; }
    }
}
EOF
run XunitV2Fa 1

# xunit v3 3.2.x on VSTest + AwesomeAssertions 9 through AsyncEnumTesting.AwesomeAssertions, net8.0
xunit_v3 XunitV3Awesome net8.0 Microsoft.NET.Test.Sdk@18.0.1 xunit.v3@3.2.2 xunit.runner.visualstudio@3.1.5
add XunitV3Awesome AsyncEnumTesting.Xunit.V3
add XunitV3Awesome AsyncEnumTesting.AwesomeAssertions
add XunitV3Awesome AwesomeAssertions 9.6.0
test_file XunitV3Awesome <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.AwesomeAssertions;
using AsyncEnumTesting.Xunit.V3;
using AwesomeAssertions;

public sealed class VirtualTimeTests
{
    [VirtualTimeTheory]
    [InlineData(1)]
    [InlineData(45)]
    public async Task Tick_AfterSeconds_OnVirtualTime(int seconds, VirtualClock clock = null!)
    {
        await Tick(clock, seconds).Should(clock).YieldInOrder(1);             // the run moves the clock while it waits
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    private static async IAsyncEnumerable<int> Tick(TimeProvider clock, int seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), clock);
        yield return 1;
    }
}
EOF
run XunitV3Awesome 2

# xunit v3 on Microsoft Testing Platform (its own global.json opts in; xunit.v3.mtp-v2, as .NET 10's dotnet test needs)
# + plain asserts, net10.0. xunit.v3 4.x changed the extensibility API: this package says [3.2.2, 4.0.0), AsyncEnumTesting.Xunit.V4
# (below) [4.0.2, 5.0.0).
xunit_v3 XunitV3Mtp net10.0 xunit.v3.mtp-v2@3.2.2
mtp XunitV3Mtp
add XunitV3Mtp AsyncEnumTesting.Xunit.V3
test_file XunitV3Mtp <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.Xunit.V3;

public sealed class VirtualTimeTests
{
    [VirtualTimeFact]
    public async Task Delay_OneDay_OnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromDays(1), clock);
        Assert.Equal(TimeSpan.FromDays(1), clock.Elapsed);
    }
}
EOF
run XunitV3Mtp 1

# xunit.v3 4.x (its default package: Microsoft Testing Platform v2, opted in by its own global.json) + AsyncEnumTesting.Xunit.V4
# + plain asserts, net8.0: the same attributes and namespace as the 3.x package.
xunit_v3 XunitV4Mtp net8.0 xunit.v3@4.0.2
mtp XunitV4Mtp
add XunitV4Mtp AsyncEnumTesting.Xunit.V4
test_file XunitV4Mtp <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.Xunit.V3;

public sealed class VirtualTimeTests
{
    [VirtualTimeFact]
    public async Task Delay_FiveDays_OnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromDays(5), clock);
        Assert.Equal(TimeSpan.FromDays(5), clock.Elapsed);
    }

    [VirtualTimeTheory]
    [InlineData(2)]
    [InlineData(90)]
    public async Task Delay_Minutes_OnVirtualTime(int minutes, VirtualClock clock = null!)
    {
        await Task.Delay(TimeSpan.FromMinutes(minutes), clock);
        Assert.Equal(TimeSpan.FromMinutes(minutes), clock.Elapsed);
    }
}
EOF
run XunitV4Mtp 3

# xunit.v3 4.x without Microsoft Testing Platform (xunit.v3.mtp-off, on VSTest like the 3.x template) + AsyncEnumTesting.Xunit.V4
# + plain asserts, net10.0
xunit_v3 XunitV4VsTest net10.0 Microsoft.NET.Test.Sdk@18.0.1 xunit.v3.mtp-off@4.0.2 xunit.runner.visualstudio@4.0.1
add XunitV4VsTest AsyncEnumTesting.Xunit.V4
test_file XunitV4VsTest <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.Xunit.V3;

public sealed class VirtualTimeTests
{
    [VirtualTimeFact]
    public async Task Delay_ThirtySixHours_OnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromHours(36), clock);
        Assert.Equal(TimeSpan.FromHours(36), clock.Elapsed);
    }
}
EOF
run XunitV4VsTest 1

# NUnit 5 + plain asserts, net10.0
new NUnit5 nunit net10.0
add NUnit5 NUnit 5.0.0
add NUnit5 NUnit3TestAdapter 6.3.1
add NUnit5 AsyncEnumTesting.NUnit
# NUnit.Analyzers (in the template) would report NUnit1027 as an error for the clock parameter the attribute supplies;
# the core package's AET1001 suppresses it for exactly that method, so the project keeps the rule on (no NoWarn here).
test_file NUnit5 <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.NUnit;

public sealed class VirtualTimeTests
{
    [VirtualTimeTest]
    public async Task Delay_OneHour_OnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromHours(1), clock);
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromHours(1)));
    }
}
EOF
run NUnit5 1

# NUnit 4 (the template's) + plain asserts, net8.0; then AET0001 from the core package alone fails the build.
new NUnit4 nunit net8.0
add NUnit4 AsyncEnumTesting.NUnit
test_file NUnit4 <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.NUnit;

public sealed class VirtualTimeTests
{
    [VirtualTimeTest]
    public async Task Delay_OneWeek_OnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromDays(7), clock);
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromDays(7)));
    }
}
EOF
run NUnit4 1
finish # the project's own test run must be done before a file that must not build is added to it
cat > "$work/NUnit4/Dropped.cs" <<'EOF'
using AsyncEnumTesting;

public sealed class DroppedTests
{
    [Test]
    public void Reader_StepNotAwaited_FailsTheBuild()
    {
        var clock = new VirtualClock();
        var reader = FakeSequence.FromMarbles(clock, "-a|").OpenReader(clock);
        reader.AwaitItemAsync();
    }
}
EOF
if out=$(cd "$work/NUnit4" && dotnet build 2>&1); then
  echo "consumers: NUnit4 built with a dropped reader step: AET0001 did not reach a project on the core package" >&2
  exit 1
fi
grep -q "error AET0001" <<<"$out" || { echo "$out" | tail -20 >&2; echo "consumers: NUnit4 failed without AET0001" >&2; exit 1; }
echo "  NUnit4: a dropped reader step fails the build with AET0001"

# MSTest 4 (the template's) + plain asserts, net10.0
new MSTest4 mstest net10.0
add MSTest4 AsyncEnumTesting.MSTest
test_file MSTest4 <<'EOF'
using AsyncEnumTesting;
using AsyncEnumTesting.MSTest;

[TestClass]
public sealed class VirtualTimeTests
{
    [VirtualTimeTestMethod]
    [DataRow(2)]
    [DataRow(48)]
    public async Task Delay_Hours_OnVirtualTime(int hours, VirtualClock clock = null!)
    {
        await Task.Delay(TimeSpan.FromHours(hours), clock);
        Assert.AreEqual(TimeSpan.FromHours(hours), clock.Elapsed);
    }
}
EOF
run MSTest4 2
finish
echo "Consumers: all passed"
