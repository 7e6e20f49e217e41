# ArtFolio API. Build: docker build -t artfolio .   Run: see docker-compose.yml.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY ArtFolio/ArtFolio.csproj ArtFolio/
RUN dotnet restore ArtFolio/ArtFolio.csproj
COPY ArtFolio/ ArtFolio/
RUN dotnet publish ArtFolio/ArtFolio.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# No system packages: thumbnails use the libvips build that the NetVips.Native package ships.
WORKDIR /app
COPY --from=build /app .
# data/ holds the SQLite file and local media when those defaults are used: mount a volume there.
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["dotnet", "ArtFolio.dll"]
