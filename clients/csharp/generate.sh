#!/usr/bin/env bash
# Generates Generated/ArtFolioClient.cs with NSwag (the repository's dotnet tool) from a running
# app's OpenAPI document or a file. Usage: clients/csharp/generate.sh [url-or-file]
set -euo pipefail
cd "$(dirname "$0")"
source=${1:-http://127.0.0.1:5080/openapi/v1.json}
mkdir -p Generated
dotnet tool restore >/dev/null
# One client class per tag (ArtworksClient.CreateAsync from operationId Artworks_Create); the
# artwork read is wrapped so its ETag header can be read.
dotnet nswag openapi2csclient "/input:$source" /classname:{controller}Client /namespace:ArtFolio.Client \
  /output:Generated/ArtFolioClient.cs /operationGenerationMode:MultipleClientsFromOperationId \
  /jsonLibrary:SystemTextJson /useBaseUrl:false /generateClientInterfaces:false \
  /wrapResponses:true /wrapResponseMethods:ArtworksClient.Get >/dev/null
echo "clients/csharp/Generated/ArtFolioClient.cs written from $source"
