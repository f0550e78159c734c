# syntax=docker/dockerfile:1
# The one Dockerfile of every ApexShare image: the four services, the gateway and the development identity provider.
# Build from the repository root (the context is the root, so that one .dockerignore serves every image) after
# packaging the jars, which are named <module>/target/<module>.jar (the parent pom's version-free finalName):
#   mvn -B -ntp -DskipTests package
#   docker build --build-arg MODULE=upload-service --build-arg PORT=8081 -t apexshare/upload-service:0.1.0 .
#   docker build --build-arg MODULE=gateway --build-arg PORT=8080 --build-arg HEALTH_PORT=8079 -t apexshare/gateway:0.1.0 .
#   docker build --build-arg MODULE=identity --build-arg PORT=8090 -t apexshare/identity:0.1.0 .
# docs/operations.md, section 1, lists all six commands.
#
# Build arguments:
#   MODULE       the Maven module (required): upload-service, catalog-service, notification-service,
#                download-service, gateway, identity
#   PORT         its HTTP port (required), the default of PORT in the image
#   HEALTH_PORT  where its probes answer, if not on PORT: the gateway's management port (MANAGEMENT_PORT, 8079)
#   HEALTH_PATH  the liveness probe, default /actuator/health/liveness

# Stage 1: split the Spring Boot jar into its layers. Dependencies change rarely and the application often, so a
# rebuild after a code change only ships the small application layer.
FROM eclipse-temurin:17-jre AS layers
ARG MODULE
WORKDIR /layers
COPY ${MODULE}/target/${MODULE}.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# Stage 2: the runtime image, layers copied least-changing first.
FROM eclipse-temurin:17-jre
# A fixed numeric uid/gid: Kubernetes can only verify runAsNonRoot for a numeric USER. Before the build arguments, so
# that this layer is the same (and cached once) for all six images.
RUN groupadd --system --gid 10001 apexshare \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin apexshare
ARG MODULE
ARG PORT
ARG HEALTH_PORT
ARG HEALTH_PATH=/actuator/health/liveness
RUN test -n "${MODULE}" && test -n "${PORT}" \
 || { echo "build with --build-arg MODULE=<module> --build-arg PORT=<port> (see the top of this Dockerfile)" >&2; exit 1; }
LABEL org.opencontainers.image.title="apexshare-${MODULE}" \
      org.opencontainers.image.description="ApexShare ${MODULE}" \
      org.opencontainers.image.source="https://github.com/apexshare/apexshare"
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
# PORT is the application's own server.port variable. The health check below asks HEALTH_PORT, which is PORT unless
# the build (the gateway: its management port) or the container says otherwise.
ENV PORT=${PORT} \
    HEALTH_PORT=${HEALTH_PORT:-${PORT}} \
    HEALTH_PATH=${HEALTH_PATH}
EXPOSE ${PORT}
# No curl/wget in the JRE image: bash's /dev/tcp speaks just enough HTTP. Kubernetes ignores HEALTHCHECK and uses the
# chart's probes on the same endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${HEALTH_PORT} && printf 'GET %s HTTP/1.0\\r\\n\\r\\n' \"${HEALTH_PATH}\" >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# The heap follows the container's memory limit; an OutOfMemoryError ends the process so the orchestrator restarts it
# instead of leaving a half-working JVM. Extra flags: JAVA_TOOL_OPTIONS. /tmp must be writable (Tomcat's work dir):
# the chart mounts an emptyDir there and compose a tmpfs, because the root filesystem is read-only.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "application.jar"]
