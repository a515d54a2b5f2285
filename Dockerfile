# Hotline in a container (docker-compose.yml builds it): the launcher's jar on a JDK 21.
#   docker build -t hotline .
# Stage 1 builds target/hotline.jar with the project's own launcher (./hotline build: Maven, tests skipped).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY hotline pom.xml ./
COPY config/hotline.yaml config/hotline.yaml
COPY src/main src/main
RUN ./hotline build

# Stage 2 runs it. Prompts are read from /opt/hotline/prompts (prompts.directory: prompts).
FROM eclipse-temurin:21-jdk
WORKDIR /opt/hotline
COPY --from=build /src/target/hotline.jar hotline.jar
COPY prompts prompts
COPY config/hotline.yaml /etc/hotline/hotline.yaml
# SIP on 5060 (UDP and TCP), the HTTP API with /metrics and /health on 8080; RTP ports are set per site.
EXPOSE 5060/udp 5060/tcp 8080/tcp
ENTRYPOINT ["java", "-jar", "/opt/hotline/hotline.jar"]
CMD ["--config", "/etc/hotline/hotline.yaml", "--set", "http.bindAddress=0.0.0.0"]
