# syntax=docker/dockerfile:1
# Multi-stage build of the web host. The same image runs the app and, with the argument
# "migrate", the deployment step that applies migrations (see deploy/compose/compose.yaml).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The resident pages' CSS is compiled from GOV.UK Frontend with npm during the build.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ParticipativeDemocracy.Voting/ParticipativeDemocracy.Voting.csproj src/ParticipativeDemocracy.Voting/
COPY src/ParticipativeDemocracy.Sortition/ParticipativeDemocracy.Sortition.csproj src/ParticipativeDemocracy.Sortition/
COPY src/ParticipativeDemocracy.Web/ParticipativeDemocracy.Web.csproj src/ParticipativeDemocracy.Web/
RUN dotnet restore src/ParticipativeDemocracy.Web/ParticipativeDemocracy.Web.csproj
COPY src/ParticipativeDemocracy.Web/package.json src/ParticipativeDemocracy.Web/package-lock.json src/ParticipativeDemocracy.Web/
RUN cd src/ParticipativeDemocracy.Web && npm ci --no-audit --no-fund
COPY src/ src/
RUN dotnet publish src/ParticipativeDemocracy.Web/ParticipativeDemocracy.Web.csproj \
    -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# ICU for Welsh and English formatting; tzdata so deadlines show in each council's time zone.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libicu72 tzdata \
    && rm -rf /var/lib/apt/lists/*
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false
WORKDIR /app
COPY --from=build /app ./
# The image's built-in unprivileged user.
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "ParticipativeDemocracy.Web.dll", "healthcheck", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "ParticipativeDemocracy.Web.dll"]
