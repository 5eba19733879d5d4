# One image for the four programs, built from this repository and run with the jar's name as the command
# (docker-compose.yml builds it once, as the pipeline-image service).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
ARG MODULES=logs-producer,consumer-data-lake,consumer-data-clean,dashboard

# 1. The build's definition alone: every module's pom (Maven reads them all, even with -pl). The next layer,
#    which packages the modules without their sources and so downloads every plugin and dependency the real
#    build needs, is made again only when a pom changes, not when the code does.
COPY pom.xml ./
COPY core/pom.xml core/
COPY parse/pom.xml parse/
COPY source/pom.xml source/
COPY amqp/pom.xml amqp/
COPY sink/pom.xml sink/
COPY runtime/pom.xml runtime/
COPY consumer-service/pom.xml consumer-service/
COPY testing/pom.xml testing/
COPY logs-producer/pom.xml logs-producer/
COPY consumer-data-lake/pom.xml consumer-data-lake/
COPY consumer-data-clean/pom.xml consumer-data-clean/
COPY dashboard/pom.xml dashboard/
COPY pipeline-tests/pom.xml pipeline-tests/
COPY bench/pom.xml bench/
RUN mvn -B -q -Dmaven.test.skip=true -pl "$MODULES" -am package && rm -rf ./*/target

# 2. The sources of the modules the programs are made of, and the build itself.
COPY core/src core/src
COPY parse/src parse/src
COPY source/src source/src
COPY amqp/src amqp/src
COPY sink/src sink/src
COPY runtime/src runtime/src
COPY consumer-service/src consumer-service/src
COPY testing/src testing/src
COPY logs-producer/src logs-producer/src
COPY consumer-data-lake/src consumer-data-lake/src
COPY consumer-data-clean/src consumer-data-clean/src
COPY dashboard/src dashboard/src
RUN mvn -B -q -Dmaven.test.skip=true -pl "$MODULES" -am package

FROM eclipse-temurin:17-jre
# curl: the healthchecks ask each program's /health.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /app weblogs
WORKDIR /app
COPY data/ data/
RUN mkdir -p /app/.state && chown weblogs /app/.state
COPY --from=build /src/logs-producer/target/logs-producer.jar \
                  /src/consumer-data-lake/target/consumer-data-lake.jar \
                  /src/consumer-data-clean/target/consumer-data-clean.jar \
                  /src/dashboard/target/dashboard.jar ./
USER weblogs
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar"]
CMD ["logs-producer.jar", "--help"]
