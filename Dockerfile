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
# Two malloc arenas: libvips frees a rendition's buffers when it is done, but glibc keeps freed memory
# per arena (10 concurrent 15 MB uploads: +100 MiB resident with two, +170 MiB without; see README).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    MALLOC_ARENA_MAX=2
EXPOSE 8080
# The image has no curl: the app asks its own /health/ready ("dotnet ArtFolio.dll healthcheck").
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "ArtFolio.dll", "healthcheck"]
# SIGTERM drains, closes sockets with 1001 and finishes requests in flight (see the README); give it the time.
STOPSIGNAL SIGTERM
VOLUME ["/app/data"]
ENTRYPOINT ["dotnet", "ArtFolio.dll"]
