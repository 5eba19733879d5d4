# One image for the three programs: built from this repository, run with the jar's name as the command.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
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
COPY pipeline-tests/pom.xml pipeline-tests/
COPY bench/pom.xml bench/
COPY core/src core/src
COPY parse/src parse/src
COPY source/src source/src
COPY amqp/src amqp/src
COPY sink/src sink/src
COPY runtime/src runtime/src
COPY consumer-service/src consumer-service/src
COPY logs-producer/src logs-producer/src
COPY consumer-data-lake/src consumer-data-lake/src
COPY consumer-data-clean/src consumer-data-clean/src
RUN mvn -B -q -DskipTests -pl logs-producer,consumer-data-lake,consumer-data-clean -am package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /app weblogs
WORKDIR /app
COPY --from=build /src/logs-producer/target/logs-producer.jar \
                  /src/consumer-data-lake/target/consumer-data-lake.jar \
                  /src/consumer-data-clean/target/consumer-data-clean.jar ./
COPY data/ data/
RUN mkdir -p /app/.state && chown weblogs /app/.state
USER weblogs
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar"]
CMD ["logs-producer.jar", "--help"]
