# For people with Docker (not needed on the project's own machines). Debian-based images carry ICU,
# which pt-BR money and dates need: never switch to an invariant-globalization image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Reconhece.Web/Reconhece.Web.csproj src/Reconhece.Web/
RUN dotnet restore src/Reconhece.Web/Reconhece.Web.csproj
COPY src/ src/
RUN dotnet publish src/Reconhece.Web -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The PDF reports embed Liberation Sans.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-liberation && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The image's unprivileged user (the aspnet images ship it): the app never runs as root.
USER $APP_UID
# Migrate (under an advisory lock, safe with several instances), then serve.
ENTRYPOINT ["sh", "-c", "dotnet Reconhece.Web.dll migrate && exec dotnet Reconhece.Web.dll \"$@\"", "--"]
