package io.newsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine), so its content is checked instead. */
class DockerComposeTest {

  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

  @Test
  void everyBrokerConfigIsAValidKafkaConfig() throws Exception {
    JsonNode services = compose().path("services");
    List<String> brokers = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      if (!s.getKey().startsWith("kafka-")) {
        continue;
      }
      brokers.add(s.getKey());
      Properties props = new Properties();
      s.getValue()
          .path("environment")
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().startsWith("KAFKA_")) {
                  props.put(
                      e.getKey().substring(6).toLowerCase().replace('_', '.'),
                      e.getValue().asText());
                }
              });
      props.put("log.dirs", "/var/lib/kafka/data");
      assertThatCode(() -> KafkaConfig.fromProps(props)).as(s.getKey()).doesNotThrowAnyException();
      assertThat(props.getProperty("advertised.listeners"))
          .contains(s.getValue().path("hostname").asText());
      assertThat(props.getProperty("controller.quorum.voters"))
          .contains(props.getProperty("node.id") + "@" + s.getValue().path("hostname").asText());
    }
    assertThat(brokers).hasSize(3);
  }

  @Test
  void everyStageCommandParsesWithTheNewsdeskCommandLine() throws Exception {
    JsonNode services = compose().path("services");
    for (String stage : List.of("ingest", "enrich", "sink")) {
      List<String> args = new ArrayList<>();
      services.path(stage).path("command").forEach(a -> args.add(a.asText()));
      assertThat(args).as(stage).isNotEmpty().first().isEqualTo(stage);
      assertThatCode(() -> Newsdesk.commandLine().parseArgs(args.toArray(String[]::new)))
          .as(String.join(" ", args))
          .doesNotThrowAnyException();
    }
  }

  private static JsonNode compose() throws Exception {
    // SnakeYAML applies anchors, aliases and merge keys (<<), which Jackson's YAML reader does not.
    try (java.io.Reader in = java.nio.file.Files.newBufferedReader(COMPOSE)) {
      Object tree = new org.yaml.snakeyaml.Yaml().load(in);
      return new ObjectMapper().valueToTree(tree);
    }
  }
}
