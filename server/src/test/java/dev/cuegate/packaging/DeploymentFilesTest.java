package dev.cuegate.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, the compose file and the Kubernetes manifests, checked without a Docker engine
 * or a cluster: they parse, and they say what the operations guide promises.
 */
class DeploymentFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path ROOT = projectRoot();
  private static final long MIB = 1024 * 1024;

  /** Tests run in {@code server/}; the deployment files live at the top of the project. */
  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("Dockerfile"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no Dockerfile above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static JsonNode yaml(String path) throws IOException {
    return YAML.readTree(ROOT.resolve(path).toFile());
  }

  @Nested
  class Kubernetes {
    private JsonNode container() throws IOException {
      return yaml("deploy/k8s/deployment.yaml").at("/spec/template/spec/containers/0");
    }

    private Map<String, Integer> ports(JsonNode container) {
      Map<String, Integer> ports = new HashMap<>();
      container.get("ports").forEach(
          port -> ports.put(port.get("name").asText(), port.get("containerPort").asInt()));
      return ports;
    }

    @Test
    void theContainerExposesTheApiAndTheAdminPort() throws IOException {
      assertThat(ports(container())).containsEntry("api", 8448).containsEntry("admin", 8449);
    }

    @Test
    void livenessAndReadinessProbeTheAdminPort() throws IOException {
      JsonNode container = container();

      assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
      assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("admin");
      assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
      assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("admin");
    }

    @Test
    void memoryStaysWithin256To512MiB() throws IOException {
      JsonNode resources = container().get("resources");

      long request = mebibytes(resources.at("/requests/memory").asText());
      long limit = mebibytes(resources.at("/limits/memory").asText());

      assertThat(request).isBetween(256 * MIB, 512 * MIB);
      assertThat(limit).isBetween(request, 512 * MIB);
    }

    @Test
    void itRunsAsNonRootOnAReadOnlyRootWithWritableLogsAndData() throws IOException {
      JsonNode pod = yaml("deploy/k8s/deployment.yaml").at("/spec/template/spec");
      JsonNode container = container();

      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
      assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
      Map<String, String> mounts = new HashMap<>();
      container.get("volumeMounts").forEach(
          mount -> mounts.put(mount.get("mountPath").asText(), mount.get("name").asText()));
      assertThat(mounts).containsKeys("/logs", "/data");
      List<String> emptyDirs = new ArrayList<>();
      pod.get("volumes").forEach(volume -> {
        if (volume.has("emptyDir")) {
          emptyDirs.add(volume.get("name").asText());
        }
      });
      assertThat(emptyDirs).contains(mounts.get("/logs"), mounts.get("/data"));
    }

    @Test
    void theJwtSecretComesFromTheSecretThatIsShipped() throws IOException {
      JsonNode secret = yaml("deploy/k8s/secret.yaml");
      JsonNode jwt = null;
      for (JsonNode variable : container().get("env")) {
        if (variable.get("name").asText().equals("JWT_SECRET")) {
          jwt = variable;
        }
      }

      assertThat(jwt).isNotNull();
      assertThat(jwt.has("value")).isFalse();
      assertThat(jwt.at("/valueFrom/secretKeyRef/name").asText())
          .isEqualTo(secret.at("/metadata/name").asText());
      assertThat(secret.at("/stringData").has(jwt.at("/valueFrom/secretKeyRef/key").asText()))
          .isTrue();
    }

    @Test
    void theServiceOffersTheApiPortOnlyAndSelectsThePods() throws IOException {
      JsonNode service = yaml("deploy/k8s/service.yaml");
      JsonNode deployment = yaml("deploy/k8s/deployment.yaml");

      assertThat(service.at("/spec/ports")).hasSize(1);
      assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8448);
      assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("api");
      assertThat(service.at("/spec/selector"))
          .isEqualTo(deployment.at("/spec/template/metadata/labels"));
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
      List<String> resources = new ArrayList<>();
      yaml("deploy/k8s/kustomization.yaml").get("resources").forEach(r -> resources.add(r.asText()));

      assertThat(resources).containsExactlyInAnyOrder(
          "secret.yaml", "deployment.yaml", "service.yaml");
      resources.forEach(r -> assertThat(ROOT.resolve("deploy/k8s").resolve(r)).isRegularFile());
    }

    private long mebibytes(String quantity) {
      Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
      assertThat(matcher.matches()).as("quantity %s", quantity).isTrue();
      long value = Long.parseLong(matcher.group(1));
      return matcher.group(2).equals("Gi") ? value * 1024 * MIB : value * MIB;
    }
  }

  @Nested
  class Compose {
    @Test
    void cuegateRunsBesideCuebotAndPostgres() throws IOException {
      JsonNode services = yaml("deploy/docker-compose.yml").get("services");

      assertThat(services.at("/cuebot/image").asText()).startsWith("opencue/cuebot");
      assertThat(services.at("/db/image").asText()).startsWith("postgres");
      assertThat(services.at("/cuegate/environment/CUEBOT_ENDPOINT").asText())
          .isEqualTo("cuebot:8443");
      assertThat(services.at("/cuegate/ports").toString()).contains("8448:8448", "8449:8449");
      assertThat(ROOT.resolve("deploy")
          .resolve(services.at("/cuegate/build/context").asText())
          .resolve(services.at("/cuegate/build/dockerfile").asText())).isRegularFile();
    }
  }

  @Nested
  class Dockerfile {
    private final List<String> lines = instructions();

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() {
      try {
        String text = Files.readString(ROOT.resolve("Dockerfile")).replace("\\\n", " ");
        return text.lines()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private List<String> starting(String instruction) {
      return lines.stream().filter(line -> line.startsWith(instruction + " ")).toList();
    }

    @Test
    void buildsWithMavenAndRunsOnAJre() {
      assertThat(starting("FROM")).hasSize(2);
      assertThat(starting("FROM").get(0)).startsWith("FROM maven:3-eclipse-temurin-17 AS build");
      assertThat(starting("FROM").get(1)).isEqualTo("FROM eclipse-temurin:17-jre");
    }

    @Test
    void everyPathCopiedFromTheBuildContextExistsAndIsNotDockerIgnored() throws IOException {
      List<PathMatcher> ignored =
          Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
              .map(String::trim)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .map(pattern -> pattern.endsWith("/") ? pattern + "**" : pattern)
              .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
              .toList();
      List<String> sources = new ArrayList<>();
      for (String copy : starting("COPY")) {
        List<String> words = List.of(copy.split("\\s+"));
        if (words.stream().anyMatch(word -> word.startsWith("--from="))) {
          continue;
        }
        sources.addAll(words.subList(1, words.size() - 1));
      }

      assertThat(sources).contains("pom.xml", "server/src");
      for (String source : sources) {
        assertThat(ROOT.resolve(source)).exists();
        assertThat(ignored).noneMatch(matcher -> matcher.matches(Path.of(source)));
      }
    }

    @Test
    void whatTheRuntimeStageCopiesIsWhatTheBuildProduces() throws IOException {
      String pom = Files.readString(ROOT.resolve("server/pom.xml"));

      assertThat(starting("COPY"))
          .contains("COPY --from=build /src/server/target/cuegate.jar /app/cuegate.jar")
          .contains("COPY --from=build /src/server/target/lib /app/lib");
      assertThat(pom)
          .contains("<finalName>cuegate</finalName>")
          .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
    }

    @Test
    void runsAsNonRootWithLogsVolumePortsAndHealthcheck() {
      assertThat(starting("USER")).singleElement().asString().doesNotContain("root")
          .isNotEqualTo("USER 0");
      assertThat(starting("VOLUME")).singleElement().asString().contains("/logs");
      assertThat(starting("EXPOSE")).containsExactly("EXPOSE 8448 8449");
      assertThat(starting("HEALTHCHECK")).singleElement().asString()
          .contains("curl", "/healthz");
      assertThat(lines).anyMatch(line -> line.contains("install") && line.contains("curl"));
    }
  }
}
