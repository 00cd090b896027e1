# syntax=docker/dockerfile:1
# Build: SDK image restores and publishes the host. Run: ASP.NET runtime with Cairo and fonts, non-root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ src/
RUN dotnet publish src/LiqBot/LiqBot.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcairo2 fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app liqbot \
    && mkdir -p /data && chown liqbot /data
WORKDIR /app
COPY --from=build /app ./
COPY appsettings.json ./
COPY samples/ ./samples/
USER liqbot
# SQLite file on the volume; tokens and every other setting come from the environment (Discord__Token, ...).
ENV Storage__SqlitePath=/data/liqbot.db
VOLUME ["/data"]
ENTRYPOINT ["dotnet", "liqbot.dll"]
CMD ["run"]
